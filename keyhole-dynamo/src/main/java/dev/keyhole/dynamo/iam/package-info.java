/** A DynamoDB request to the IAM requests it makes: actions, resource ARNs and dynamodb:* condition keys. */
package dev.keyhole.dynamo.iam;
