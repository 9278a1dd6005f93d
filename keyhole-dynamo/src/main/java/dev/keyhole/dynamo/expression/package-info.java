/** DynamoDB's expression language, in stages: {@code parse} (text → AST) → {@code resolve} (placeholders and checks) → {@code evaluate} (against items); {@code keycondition} reads a query's key range. */
package dev.keyhole.dynamo.expression;
