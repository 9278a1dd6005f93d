/** A query's key condition read as a key range: the partition key's equality and at most one sort key condition, or DynamoDB's refusal. */
package dev.keyhole.dynamo.expression.keycondition;
