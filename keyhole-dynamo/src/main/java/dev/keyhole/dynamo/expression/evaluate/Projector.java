package dev.keyhole.dynamo.expression.evaluate;

import dev.keyhole.dynamo.expression.ast.DocumentPath;
import dev.keyhole.dynamo.expression.ast.PathElement;
import dev.keyhole.dynamo.expression.ast.ProjectionExpression;
import dev.keyhole.dynamo.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a resolved projection to an item the way DynamoDB shapes its answer: each selected value keeps
 * the maps and lists that lead to it, paths sharing a prefix merge, selected list elements come back in
 * index order as a shorter list, and paths that select nothing contribute nothing.
 */
public final class Projector {

    private Projector() {}

    /** The part of {@code item} that {@code projection} selects. */
    public static Map<String, AttributeValue> apply(ProjectionExpression projection, Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DocumentPath path : projection.paths()) {
            AttributeValue selected = DocumentPaths.get(item, path);
            if (selected != null) {
                insert(out, path.elements(), selected);
            }
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>(out.size() * 2);
        for (Map.Entry<String, Object> e : out.entrySet()) {
            result.put(e.getKey(), build(e.getValue()));
        }
        return result;
    }

    /** Builds the branch for {@code elements} under {@code root}; map branches are maps, list branches index-sorted maps. */
    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, List<PathElement> elements, AttributeValue leaf) {
        Object node = root;
        for (int i = 0; i < elements.size(); i++) {
            boolean last = i == elements.size() - 1;
            PathElement next = last ? null : elements.get(i + 1);
            Object key = elements.get(i) instanceof PathElement.Index x ? (Object) x.index() : DocumentPaths.name(elements.get(i));
            Map<Object, Object> branch = (Map<Object, Object>) node;
            if (last) {
                branch.put(key, leaf);
            } else {
                // INVARIANT: projections with overlapping paths were refused, so a leaf is never extended
                node = branch.computeIfAbsent(key, k -> next instanceof PathElement.Index ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue build(Object node) {
        if (node instanceof AttributeValue v) {
            return v;
        }
        if (node instanceof TreeMap<?, ?> list) {
            List<AttributeValue> values = new ArrayList<>(list.size());
            for (Object child : list.values()) {
                values.add(build(child));
            }
            return new AttributeValue.L(values);
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
            map.put(e.getKey(), build(e.getValue()));
        }
        return new AttributeValue.M(map);
    }
}
