package dev.keyhole.cli.config;

import dev.keyhole.gateway.Caller;
import java.util.Set;

/**
 * Who runs a CLI command in embedded mode: {@code $KEYHOLE_USER}, else the operating-system account,
 * with the groups {@code keyhole.yaml} gives that user. (The server authenticates callers instead.)
 */
public final class Callers {

    private Callers() {}

    /** The caller of this process. */
    public static Caller current(KeyholeConfig cfg) {
        String user = System.getenv().getOrDefault("KEYHOLE_USER", System.getProperty("user.name"));
        return new Caller(user, cfg.users().getOrDefault(user, Set.of()));
    }
}
