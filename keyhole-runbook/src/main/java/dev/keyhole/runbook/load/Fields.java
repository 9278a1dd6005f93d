package dev.keyhole.runbook.load;

import dev.keyhole.runbook.yaml.Location;
import dev.keyhole.runbook.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, located access to one YAML mapping, recording a problem (and returning {@code null} or a
 * default) instead of throwing, and reporting fields nobody asked for as unknown.
 */
final class Fields {

    private final YamlNode.Mapping map;
    private final String what;
    private final Problems problems;

    private Fields(YamlNode.Mapping map, String what, Problems problems) {
        this.map = map;
        this.what = what;
        this.problems = problems;
    }

    /** Wraps {@code node} if it is a mapping; otherwise records a problem and returns {@code null}. */
    static Fields of(YamlNode node, String what, Problems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return new Fields(m, what, problems);
        }
        problems.add(node.location(), what + " must be a mapping of fields, not " + node.describe());
        return null;
    }

    Location location() {
        return map.location();
    }

    YamlNode node(String field) {
        return map.get(field);
    }

    Location locationOf(String field) {
        YamlNode n = map.get(field);
        return n == null ? map.location() : n.location();
    }

    /** Reports every field not in {@code allowed}, suggesting the closest allowed one. */
    void rejectUnknown(Set<String> allowed) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                String hint = allowed.stream().min(Comparator.comparingInt(a -> distance(a, key)))
                        .filter(a -> distance(a, key) <= 2)
                        .map(a -> "; did you mean `" + a + "`?")
                        .orElse("; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                problems.add(map.keyLocations().get(key), "unknown field `" + key + "` in " + what + hint);
            }
        }
    }

    String string(String field, boolean required) {
        YamlNode n = map.get(field);
        if (n == null || (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL)) {
            if (required) {
                problems.add(map.location(), what + " needs `" + field + "`");
            }
            return null;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
            if (s.text().isBlank() && required) {
                problems.add(n.location(), "`" + field + "` in " + what + " is empty");
                return null;
            }
            return s.text();
        }
        problems.add(n.location(), "`" + field + "` in " + what + " must be text, not " + n.describe());
        return null;
    }

    boolean bool(String field, boolean otherwise) {
        YamlNode n = map.get(field);
        if (n == null) {
            return otherwise;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problems.add(n.location(), "`" + field + "` in " + what + " must be `true` or `false`, not " + n.describe());
        return otherwise;
    }

    Integer integer(String field, Integer otherwise, int min, int max) {
        YamlNode n = map.get(field);
        if (n == null) {
            return otherwise;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NUMBER) {
            try {
                int v = Integer.parseInt(s.text());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problems.add(n.location(), "`" + field + "` in " + what + " must be a whole number from " + min + " to "
                + max + ", not " + n.describe());
        return otherwise;
    }

    BigDecimal decimal(String field) {
        YamlNode n = map.get(field);
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NUMBER) {
            return new BigDecimal(s.text());
        }
        problems.add(n.location(), "`" + field + "` in " + what + " must be a number, not " + n.describe());
        return null;
    }

    /** A list of strings; a single string counts as a one-element list. */
    List<String> strings(String field) {
        YamlNode n = map.get(field);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING) {
            out.add(s.text());
            return out;
        }
        if (n instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
                    out.add(s.text());
                } else {
                    problems.add(item.location(), "items of `" + field + "` in " + what + " must be text, not "
                            + item.describe());
                }
            }
            return out;
        }
        problems.add(n.location(), "`" + field + "` in " + what + " must be a list, not " + n.describe());
        return out;
    }

    /** A mapping of text to text, in order. */
    Map<String, String> stringMap(String field) {
        YamlNode n = map.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            problems.add(n.location(), "`" + field + "` in " + what + " must be a mapping, not " + n.describe());
            return out;
        }
        m.entries().forEach((k, v) -> {
            if (v instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.NULL) {
                out.put(k, s.text());
            } else {
                problems.add(v.location(), "`" + field + "." + k + "` in " + what + " must be text, not " + v.describe());
            }
        });
        return out;
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
