package dev.keyhole.iam.evaluate;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** Lower-cased action names, remembered: services have a few hundred actions, asked about millions of times. */
final class ActionNames {

    private static final int MAX = 10_000;
    private static final ConcurrentHashMap<String, String> LOWER = new ConcurrentHashMap<>();

    private ActionNames() {}

    static String lower(String action) {
        String l = LOWER.get(action);
        if (l != null) {
            return l;
        }
        l = action.toLowerCase(Locale.ROOT);
        if (LOWER.size() < MAX) {
            LOWER.put(action, l);
        }
        return l;
    }
}
