package dev.keyhole.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyhole.server.demo.LocalIdentities;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * keyhole's configuration, read from {@code keyhole.yaml}:
 * <pre>
 * runbooks: examples/runbooks          # the runbook directory
 * aws:
 *   region: us-east-1
 *   endpoint: http://127.0.0.1:8000     # the local engine; omit for AWS
 *   accessKeyId: ...                    # keyhole's own principal; omit to use the SDK's default chain
 *   secretAccessKey: ...
 * users:
 *   alice: {groups: [oncall]}
 * audit: {store: sqlite, path: ~/.keyhole/audit.db}   # see {@link AuditSettings}
 * tickets:                                           # ticket providers runbooks name
 *   jira: {type: jira, baseUrl: https://example.atlassian.net, email: bot@example.com, apiTokenEnv: JIRA_TOKEN}
 * drift: {cloudtrail: s3://org-trail/prefix, triggeredBy: [security]}   # keyhole serve's scans; see {@link DriftConfig}
 * </pre>
 *
 * @param runbooks the runbook directory
 * @param region the default region
 * @param endpoint the endpoint override (local engine), or {@code null} for AWS
 * @param accessKeyId keyhole's access key, or {@code null} for the SDK default chain
 * @param secretAccessKey keyhole's secret, or {@code null}
 * @param users local user name to its groups
 * @param audit where the audit log lives
 * @param tickets the {@code tickets:} section (ticket providers), or a missing node
 * @param raw the whole file, for sections read by the commands that use them ({@code oidc:}, {@code grants:},
 *     {@code notifications:}, {@code drift:}); a missing node without a file
 * @param file the file read, or {@code null} for the built-in defaults
 */
public record KeyholeConfig(Path runbooks, String region, URI endpoint, String accessKeyId, String secretAccessKey,
                            Map<String, Set<String>> users, AuditSettings audit, JsonNode tickets, JsonNode raw,
                            Path file) {

    /** The defaults' audit log and no ticket providers beyond the offline pattern check. */
    public KeyholeConfig(Path runbooks, String region, URI endpoint, String accessKeyId, String secretAccessKey,
                         Map<String, Set<String>> users) {
        this(runbooks, region, endpoint, accessKeyId, secretAccessKey, users,
                AuditSettings.defaults(LocalSecrets.home()), com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                com.fasterxml.jackson.databind.node.MissingNode.getInstance(), null);
    }

    /** The built-in defaults: shipped demo runbooks, a local engine on port 8000 with the demo identities. */
    public static KeyholeConfig defaults() {
        return new KeyholeConfig(Path.of("examples/runbooks"), "us-east-1", URI.create("http://127.0.0.1:8000"),
                LocalIdentities.KEYHOLE_ACCESS_KEY, LocalIdentities.KEYHOLE_SECRET,
                Map.of("alice", Set.of("oncall"), "bob", Set.of("support")));
    }

    /** Reads {@code file}, falling back to the defaults for anything it does not set. */
    /** The groups of local user {@code name}, as the file says now; empty for someone it does not name. */
    public Set<String> groupsOf(String name) {
        return users.getOrDefault(name, Set.of());
    }

    public static KeyholeConfig load(Path file) throws IOException {
        KeyholeConfig d = defaults();
        if (file == null || !Files.exists(file)) {
            return d;
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": keyhole.yaml must be a mapping");
        }
        JsonNode aws = root.path("aws");
        Path base = file.toAbsolutePath().getParent();
        Path runbooks = root.hasNonNull("runbooks") ? base.resolve(root.get("runbooks").asText()) : d.runbooks();
        Map<String, Set<String>> users = new LinkedHashMap<>(d.users());
        if (root.has("users")) {
            users.clear();
            root.get("users").fields().forEachRemaining(e -> {
                Set<String> groups = new LinkedHashSet<>();
                e.getValue().path("groups").forEach(g -> groups.add(g.asText()));
                users.put(e.getKey(), groups);
            });
        }
        return new KeyholeConfig(runbooks,
                aws.hasNonNull("region") ? aws.get("region").asText() : d.region(),
                aws.has("endpoint") ? (aws.get("endpoint").isNull() ? null : URI.create(aws.get("endpoint").asText()))
                        : d.endpoint(),
                aws.has("accessKeyId") ? aws.get("accessKeyId").asText(null) : d.accessKeyId(),
                aws.has("secretAccessKey") ? aws.get("secretAccessKey").asText(null) : d.secretAccessKey(),
                users, AuditSettings.read(root.path("audit"), base, LocalSecrets.home()), root.path("tickets"), root,
                file);
    }
}
