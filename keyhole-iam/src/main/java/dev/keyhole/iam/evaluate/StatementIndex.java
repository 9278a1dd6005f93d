package dev.keyhole.iam.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the statements of a large policy that could match a request without looking at the others.
 *
 * <p>A statement whose actions are all literal can only match one of those actions; one whose
 * resources are all literal ARNs can only match one of those ARNs. Each statement is filed under the
 * most specific key it has (action and resource, action only, resource only) or in the scan list, so
 * an execution role shared by thousands of runbooks is decided by looking at a handful of statements.
 * Candidates come back in statement order, so "first matching statement" stays the same as a scan.
 */
final class StatementIndex {

    /** Below this many statements a plain scan is as fast as the lookups. */
    static final int MIN_STATEMENTS = 16;

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> byPair;
    private final Map<String, int[]> byAction;
    private final Map<String, int[]> byResource;
    private final int[] scan;

    private StatementIndex(Map<String, int[]> byPair, Map<String, int[]> byAction,
                           Map<String, int[]> byResource, int[] scan) {
        this.byPair = byPair;
        this.byAction = byAction;
        this.byResource = byResource;
        this.scan = scan;
    }

    static StatementIndex build(CompiledStatement[] statements) {
        Map<String, List<Integer>> pair = new HashMap<>();
        Map<String, List<Integer>> action = new HashMap<>();
        Map<String, List<Integer>> resource = new HashMap<>();
        List<Integer> scan = new ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            String[] acts = statements[i].literalActions();
            String[] ress = statements[i].literalResources();
            if (acts != null && ress != null) {
                for (String a : acts) {
                    for (String r : ress) {
                        addOnce(pair, pairKey(a, r), i);
                    }
                }
            } else if (acts != null) {
                for (String a : acts) {
                    addOnce(action, a, i);
                }
            } else if (ress != null) {
                for (String r : ress) {
                    addOnce(resource, r, i);
                }
            } else {
                scan.add(i);
            }
        }
        return new StatementIndex(freeze(pair), freeze(action), freeze(resource), toArray(scan));
    }

    private static String pairKey(String actionLower, String resource) {
        return actionLower + '\u0000' + resource;
    }

    private static void addOnce(Map<String, List<Integer>> map, String key, int i) {
        List<Integer> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != i) {
            list.add(i);
        }
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> map) {
        Map<String, int[]> out = new HashMap<>(map.size() * 2);
        map.forEach((k, v) -> out.put(k, toArray(v)));
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The candidate lists for a request; each is sorted, and together they hold every possible match. */
    int[][] candidates(String actionLower, String resource) {
        return new int[][] {
            byPair.getOrDefault(pairKey(actionLower, resource), NONE),
            byAction.getOrDefault(actionLower, NONE),
            byResource.getOrDefault(resource, NONE),
            scan
        };
    }
}
