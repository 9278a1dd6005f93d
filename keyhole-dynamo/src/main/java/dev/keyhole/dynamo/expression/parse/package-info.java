/** Stage one: expression text → AST with {@code #name} and {@code :value} placeholders left in; syntax, reserved words and function shapes are checked here. */
package dev.keyhole.dynamo.expression.parse;
