/** Stage two: parsed AST + ExpressionAttributeNames + ExpressionAttributeValues → resolved, checked AST; unused placeholders are found across one whole request. */
package dev.keyhole.dynamo.expression.resolve;
