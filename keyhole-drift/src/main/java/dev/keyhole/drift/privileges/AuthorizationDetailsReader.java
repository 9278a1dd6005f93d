package dev.keyhole.drift.privileges;

import static dev.keyhole.drift.map.JsonMembers.member;
import static dev.keyhole.drift.map.JsonMembers.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.iam.parse.PolicyParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the output of {@code aws iam get-account-authorization-details}: one document, several pages
 * one after the other in a file (or as a JSON array), or a directory of page files. Pages are merged;
 * member names are matched in any case.
 */
public final class AuthorizationDetailsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizationDetailsReader() {}

    /** Reads a file or a directory of page files. */
    public static AuthorizationDetails read(Path path) throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    pages.addAll(pages(p));
                }
            }
        } else {
            pages.addAll(pages(path));
        }
        if (pages.isEmpty()) {
            throw new IOException("`" + path + "` holds no authorization details");
        }
        return fromPages(pages);
    }

    private static List<JsonNode> pages(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile());
             MappingIterator<JsonNode> it = JSON.readValues(p, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n.isArray()) {
                    n.forEach(out::add);
                } else {
                    out.add(n);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("`" + file + "` is not JSON: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    /** Merges pages already parsed. */
    public static AuthorizationDetails fromPages(List<JsonNode> pages) {
        List<AuthorizationDetails.Principal> principals = new ArrayList<>();
        Map<String, AuthorizationDetails.Group> groups = new LinkedHashMap<>();
        Map<String, AuthorizationDetails.ManagedPolicy> managed = new LinkedHashMap<>();
        boolean incomplete = false;
        for (JsonNode page : pages) {
            for (JsonNode u : list(page, "UserDetailList")) {
                principals.add(new AuthorizationDetails.Principal("user", text(u, "UserName"), text(u, "Arn"),
                        inline(u, "UserPolicyList"), attached(u), strings(member(u, "GroupList")),
                        text(member(u, "PermissionsBoundary"), "PermissionsBoundaryArn")));
            }
            for (JsonNode r : list(page, "RoleDetailList")) {
                principals.add(new AuthorizationDetails.Principal("role", text(r, "RoleName"), text(r, "Arn"),
                        inline(r, "RolePolicyList"), attached(r), List.of(),
                        text(member(r, "PermissionsBoundary"), "PermissionsBoundaryArn")));
            }
            for (JsonNode g : list(page, "GroupDetailList")) {
                String name = text(g, "GroupName");
                groups.put(name, new AuthorizationDetails.Group(name, inline(g, "GroupPolicyList"), attached(g)));
            }
            for (JsonNode p : list(page, "Policies")) {
                String arn = text(p, "Arn");
                String def = text(p, "DefaultVersionId");
                for (JsonNode v : list(p, "PolicyVersionList")) {
                    boolean isDefault = member(v, "IsDefaultVersion") != null && member(v, "IsDefaultVersion").asBoolean();
                    if (isDefault || (def != null && def.equals(text(v, "VersionId")))) {
                        managed.put(arn, new AuthorizationDetails.ManagedPolicy(arn, text(p, "PolicyName"),
                                text(v, "VersionId"), document(member(v, "Document"), arn)));
                    }
                }
            }
            JsonNode truncated = member(page, "IsTruncated");
            incomplete = truncated != null && truncated.asBoolean();
        }
        return new AuthorizationDetails(principals, groups, managed, incomplete);
    }

    private static List<AuthorizationDetails.NamedPolicy> inline(JsonNode entity, String member) {
        List<AuthorizationDetails.NamedPolicy> out = new ArrayList<>();
        for (JsonNode p : list(entity, member)) {
            String name = text(p, "PolicyName");
            out.add(new AuthorizationDetails.NamedPolicy(name, document(member(p, "PolicyDocument"),
                    text(entity, "Arn") + " inline " + name)));
        }
        return out;
    }

    private static dev.keyhole.iam.policy.Policy document(JsonNode doc, String where) {
        try {
            return PolicyDocuments.decode(doc);
        } catch (PolicyParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("policy `" + where + "`: " + e.getMessage(), e);
        }
    }

    private static List<String> attached(JsonNode entity) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : list(entity, "AttachedManagedPolicies")) {
            out.add(text(a, "PolicyArn"));
        }
        return out;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static Iterable<JsonNode> list(JsonNode node, String name) {
        JsonNode v = member(node, name);
        return v != null && v.isArray() ? v : List.of();
    }
}
