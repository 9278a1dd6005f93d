package dev.keyhole.local.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.policy.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local engine's identities, from a YAML file:
 * <pre>
 * account: "000000000000"
 * users:
 *   - name: keyhole
 *     accessKeys: [{id: AKIA..., secret: ...}]
 *     policies: [{Version: "2012-10-17", Statement: [...]}]
 *     permissionsBoundary: {...}            # optional
 *     tags: {team: platform}                # optional
 * roles:
 *   - name: keyhole-exec
 *     trustPolicy: {...}
 *     policies: [...]
 *     permissionsBoundary: {...}            # optional
 *     maxSessionDuration: 3600              # seconds, 3600 to 43200
 * </pre>
 * Without a file, one {@code admin} user with full access and the well-known example key
 * {@code AKIAIOSFODNN7EXAMPLE} exists, so the SDK with static credentials just works.
 *
 * @param account the account id
 * @param users users by name
 * @param roles roles by ARN
 * @param keys access key id to its user and secret
 */
public record IamFile(String account, Map<String, IamUser> users, Map<String, IamRole> roles, Map<String, StaticKey> keys) {

    /** A long-term access key of a user. */
    public record StaticKey(String accessKeyId, String secret, IamUser user) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The default identities: one full-access admin. */
    public static IamFile defaults(String account) {
        Policy all = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
        IamUser admin = new IamUser("admin", "arn:aws:iam::" + account + ":user/admin", uniqueId("AIDA", "admin"),
                List.of(all), null, Map.of());
        return new IamFile(account, Map.of("admin", admin), Map.of(),
                Map.of("AKIAIOSFODNN7EXAMPLE", new StaticKey("AKIAIOSFODNN7EXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", admin)));
    }

    /** Reads {@code file}; throws {@link IllegalArgumentException} naming the first problem. */
    public static IamFile load(Path file, String defaultAccount) throws IOException {
        JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": the IAM file must be a mapping with users and roles");
        }
        String account = root.hasNonNull("account") ? root.get("account").asText() : defaultAccount;
        Map<String, IamUser> users = new LinkedHashMap<>();
        Map<String, StaticKey> keys = new LinkedHashMap<>();
        for (JsonNode u : root.path("users")) {
            String name = required(u, "name", file + ": a user");
            IamUser user = new IamUser(name, "arn:aws:iam::" + account + ":user/" + name, uniqueId("AIDA", name),
                    policies(u.path("policies"), file + ": user `" + name + "`"),
                    policy(u.get("permissionsBoundary"), file + ": user `" + name + "` permissionsBoundary"),
                    tags(u.path("tags")));
            users.put(name, user);
            for (JsonNode k : u.path("accessKeys")) {
                String id = required(k, "id", file + ": an access key of `" + name + "`");
                keys.put(id, new StaticKey(id, required(k, "secret", file + ": access key `" + id + "`"), user));
            }
        }
        Map<String, IamRole> roles = new LinkedHashMap<>();
        for (JsonNode r : root.path("roles")) {
            String name = required(r, "name", file + ": a role");
            String arn = "arn:aws:iam::" + account + ":role/" + name;
            long max = r.path("maxSessionDuration").asLong(3600);
            if (max < 3600 || max > 43200) {
                throw new IllegalArgumentException(file + ": role `" + name + "` maxSessionDuration must be 3600 to 43200");
            }
            Policy trust = policy(r.get("trustPolicy"), file + ": role `" + name + "` trustPolicy");
            if (trust == null) {
                throw new IllegalArgumentException(file + ": role `" + name + "` needs a trustPolicy");
            }
            roles.put(arn, new IamRole(name, arn, uniqueId("AROA", name), trust,
                    policies(r.path("policies"), file + ": role `" + name + "`"),
                    policy(r.get("permissionsBoundary"), file + ": role `" + name + "` permissionsBoundary"),
                    Duration.ofSeconds(max), tags(r.path("tags"))));
        }
        return new IamFile(account, users, roles, keys);
    }

    private static List<Policy> policies(JsonNode list, String where) {
        List<Policy> out = new ArrayList<>();
        for (JsonNode p : list) {
            out.add(policy(p, where));
        }
        return out;
    }

    private static Policy policy(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return PolicyParser.parse(node);
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException(where + ": invalid policy: " + e.getMessage());
        }
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs `" + field + "`");
        }
        return v.asText();
    }

    /** A stable unique id like IAM's ({@code AIDA}/{@code AROA} + 17 characters), derived from the name. */
    static String uniqueId(String prefix, String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(h).substring(0, 17).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
