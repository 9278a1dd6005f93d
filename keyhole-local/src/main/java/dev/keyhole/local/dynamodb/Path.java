package dev.keyhole.local.dynamodb;

import java.util.List;

/** A document path with placeholders already substituted: names (String) and list indexes (Integer). */
record Path(List<Object> elements) {

    String top() {
        return (String) elements.get(0);
    }

    boolean isTop() {
        return elements.size() == 1;
    }

    /** True when one path is a prefix of the other (or equal). */
    boolean overlaps(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < n; i++) {
            if (!elements.get(i).equals(other.elements.get(i))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) sb.append(", ");
            Object e = elements.get(i);
            sb.append(e instanceof Integer ? "[" + e + "]" : e);
        }
        return sb.append(']').toString();
    }
}
