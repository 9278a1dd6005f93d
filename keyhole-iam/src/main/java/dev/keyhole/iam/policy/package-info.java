/** The IAM policy language as data: immutable documents, statements and conditions, independent of JSON. */
package dev.keyhole.iam.policy;
