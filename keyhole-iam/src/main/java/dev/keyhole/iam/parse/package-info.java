/** JSON text to {@link dev.keyhole.iam.policy.Policy} and back: the parser reports every problem with a JSON pointer; the writer is canonical. */
package dev.keyhole.iam.parse;
