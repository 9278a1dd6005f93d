/**
 * What AWS defines, kept as data: the actions, resource types and condition keys of DynamoDB, the
 * global {@code aws:*} keys and the few IAM and STS actions keyhole uses, read from {@code catalog.json}.
 * The linter checks policies against it; the policy diff expands wildcards with it.
 */
package dev.keyhole.iam.catalog;
