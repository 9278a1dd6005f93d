/** Stage three: resolved AST + item → a condition's truth, a projected item, an updated item; no parsing happens here. */
package dev.keyhole.dynamo.expression.evaluate;
