package dev.keyhole.dynamo.expression.ast;

import java.util.List;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute then map keys and list indexes.
 *
 * <p>INVARIANT: the first element is a {@link PathElement.Name} or {@link PathElement.NameRef}.
 */
public record DocumentPath(List<PathElement> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || elements.getFirst() instanceof PathElement.Index) {
            throw new IllegalArgumentException("a document path starts with an attribute name");
        }
    }

    /** A path of plain names, {@code of("a", "b")} is {@code a.b}. */
    public static DocumentPath of(String... names) {
        return new DocumentPath(java.util.Arrays.stream(names).<PathElement>map(PathElement.Name::new).toList());
    }

    /** The top-level attribute name, once resolved. */
    public String topName() {
        return elements.getFirst() instanceof PathElement.Name n ? n.name() : ((PathElement.NameRef) elements.getFirst()).placeholder();
    }

    /** Whether the path is just a top-level attribute. */
    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [2], c]}. */
    public String describe() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            b.append(i == 0 ? "" : ", ");
            switch (elements.get(i)) {
                case PathElement.Name n -> b.append(n.name());
                case PathElement.NameRef r -> b.append(r.placeholder());
                case PathElement.Index x -> b.append('[').append(x.index()).append(']');
            }
        }
        return b.append(']').toString();
    }

    /** The path as an expression would spell it, names unescaped: {@code a.b[2].c}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (PathElement e : elements) {
            switch (e) {
                case PathElement.Name n -> b.append(b.isEmpty() ? "" : ".").append(n.name());
                case PathElement.NameRef r -> b.append(b.isEmpty() ? "" : ".").append(r.placeholder());
                case PathElement.Index x -> b.append('[').append(x.index()).append(']');
            }
        }
        return b.toString();
    }
}
