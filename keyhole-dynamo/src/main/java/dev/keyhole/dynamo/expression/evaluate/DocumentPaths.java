package dev.keyhole.dynamo.expression.evaluate;

import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.PathElement;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.List;
import java.util.Map;

/** Reads the value at a resolved document path in an item, without allocating. */
public final class DocumentPaths {

    private DocumentPaths() {}

    /** The value at {@code path}, or {@code null} when any step is missing or of the wrong type. */
    public static AttributeValue get(Map<String, AttributeValue> item, DocumentPath path) {
        List<PathElement> elements = path.elements();
        AttributeValue current = item.get(name(elements.getFirst()));
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    static AttributeValue step(AttributeValue container, PathElement element) {
        if (element instanceof PathElement.Name n) {
            return container instanceof AttributeValue.M m ? m.values().get(n.name()) : null;
        }
        if (element instanceof PathElement.Index x && container instanceof AttributeValue.L l) {
            return x.index() < l.values().size() ? l.values().get(x.index()) : null;
        }
        return null;
    }

    static String name(PathElement element) {
        if (element instanceof PathElement.Name n) {
            return n.name();
        }
        throw new IllegalStateException("document path is not resolved: " + element);
    }
}
