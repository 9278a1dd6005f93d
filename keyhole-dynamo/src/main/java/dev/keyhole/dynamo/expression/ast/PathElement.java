package dev.keyhole.dynamo.expression.ast;

/** One step of a document path: a map key (or top-level attribute), a {@code #name} placeholder, or a list index. */
public sealed interface PathElement {

    /** An attribute or map key, as written or as a placeholder resolved to. */
    record Name(String name) implements PathElement {}

    /** A {@code #name} placeholder not yet resolved. */
    record NameRef(String placeholder) implements PathElement {}

    /** A list index, {@code [2]}. */
    record Index(int index) implements PathElement {}
}
