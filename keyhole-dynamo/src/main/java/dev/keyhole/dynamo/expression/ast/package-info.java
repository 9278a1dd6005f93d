/** The expression AST: records produced by {@code parse} with placeholders, and by {@code resolve} with names and values filled in. */
package dev.keyhole.dynamo.expression.ast;
