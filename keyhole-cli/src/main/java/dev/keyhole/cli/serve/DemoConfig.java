package dev.keyhole.cli.serve;

import dev.keyhole.cli.config.AuditSettings;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.config.Shipped;
import dev.keyhole.server.demo.LocalIdentities;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configuration of {@code serve --demo}: the shipped runbooks, the in-process engine, demo people, state in a fresh directory. */
final class DemoConfig {

    private DemoConfig() {}

    static KeyholeConfig of(KeyholeConfig base, URI engine, Path home, Map<String, List<String>> people) {
        Map<String, Set<String>> users = new LinkedHashMap<>();
        people.forEach((name, groups) -> users.put(name, new LinkedHashSet<>(groups)));
        return new KeyholeConfig(Shipped.resolve(Path.of("examples/runbooks")), "us-east-1", engine,
                LocalIdentities.KEYHOLE_ACCESS_KEY, LocalIdentities.KEYHOLE_SECRET, users, AuditSettings.defaults(home),
                base.tickets(), base.raw(), base.file());
    }
}
