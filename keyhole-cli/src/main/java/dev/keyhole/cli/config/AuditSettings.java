package dev.keyhole.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointSigner;
import dev.keyhole.gateway.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where keyhole's state database lives (the audit log, grants and API tokens) and how often the audit log
 * is signed, from {@code keyhole.yaml}'s {@code audit:} section:
 * <pre>
 * audit:
 *   store: sqlite                # or postgresql
 *   path: ~/.keyhole/audit.db    # sqlite: the database file
 *   url: jdbc:postgresql://db:5432/keyhole   # postgresql
 *   user: keyhole
 *   passwordEnv: KEYHOLE_AUDIT_PASSWORD      # the password comes from this environment variable
 *   checkpointEvery: 1000        # records between signed checkpoints
 *   checkpointSeconds: 60        # or seconds, whichever comes first
 *   signingKey: ~/.keyhole/audit-signing.key # Ed25519, created when missing; its public half beside it (.pub)
 *   sync: full                   # full: a commit is on disk before it returns; normal: survives keyhole being
 *                                # killed, not the machine going down (one flush less per record)
 * </pre>
 */
public record AuditSettings(String store, Path path, String url, String user, String passwordEnv, int checkpointEvery,
                            Duration checkpointInterval, Path signingKey, Database.Sync sync) {

    private static final Set<String> FIELDS = Set.of("store", "path", "url", "user", "passwordEnv", "checkpointEvery",
            "checkpointSeconds", "signingKey", "sync");

    /** The embedded log in keyhole's home directory. */
    public static AuditSettings defaults(Path home) {
        return new AuditSettings("sqlite", home.resolve("audit.db"), null, null, null, 1000, Duration.ofSeconds(60),
                home.resolve("audit-signing.key"), Database.Sync.FULL);
    }

    /** Reads the {@code audit:} section; paths are relative to {@code base}. Reports every problem at once. */
    static AuditSettings read(JsonNode n, Path base, Path home) throws IOException {
        AuditSettings d = defaults(home);
        if (n == null || n.isMissingNode() || n.isNull()) {
            return d;
        }
        List<String> problems = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add("`audit." + f + "` is not a setting; use one of " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        });
        String store = n.path("store").asText(d.store());
        if (!store.equals("sqlite") && !store.equals("postgresql")) {
            problems.add("`audit.store` must be `sqlite` or `postgresql`, not `" + store + "`");
        }
        if (store.equals("postgresql") && !n.hasNonNull("url")) {
            problems.add("`audit.url` is required for the postgresql store, e.g. jdbc:postgresql://db:5432/keyhole");
        }
        int every = n.path("checkpointEvery").asInt(d.checkpointEvery());
        long seconds = n.path("checkpointSeconds").asLong(d.checkpointInterval().toSeconds());
        if (every < 1 || seconds < 1) {
            problems.add("`audit.checkpointEvery` and `audit.checkpointSeconds` must be at least 1");
        }
        String sync = n.path("sync").asText("full");
        if (!sync.equals("full") && !sync.equals("normal")) {
            problems.add("`audit.sync` must be `full` (a commit is on disk before it returns) or `normal` (survives "
                    + "keyhole being killed, not the machine going down), not `" + sync + "`");
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return new AuditSettings(store, n.hasNonNull("path") ? resolve(base, n.get("path").asText()) : d.path(),
                n.path("url").asText(null), n.path("user").asText(null), n.path("passwordEnv").asText(null), every,
                Duration.ofSeconds(seconds),
                n.hasNonNull("signingKey") ? resolve(base, n.get("signingKey").asText()) : d.signingKey(),
                sync.equals("normal") ? Database.Sync.NORMAL : Database.Sync.FULL);
    }

    private static Path resolve(Path base, String p) {
        if (p.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(p.substring(2));
        }
        return base.resolve(p);
    }

    /** Opens keyhole's state database (audit log, grants, tokens), migrating its schema. */
    public Database openDatabase() {
        if (store.equals("postgresql")) {
            return Database.postgresql(url, user, passwordEnv == null ? null : System.getenv(passwordEnv), sync);
        }
        return Database.sqlite(path, sync);
    }

    /** Opens the audit log's store. */
    public AuditStore openStore() {
        try {
            return AuditStore.owning(openDatabase());
        } catch (dev.keyhole.gateway.store.StoreException e) {
            throw new dev.keyhole.gateway.audit.AuditUnavailableException("cannot open the audit log: " + e.getMessage(), e);
        }
    }

    public CheckpointSigner signer() throws IOException {
        return CheckpointSigner.loadOrCreate(signingKey);
    }

}
