package dev.keyhole.drift.privileges;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A test double for the IAM query API — AWS IAM cannot run here — speaking just the actions keyhole
 * uses, with the documented XML shapes (https://docs.aws.amazon.com/IAM/latest/APIReference/):
 * ListPolicyVersions, CreatePolicyVersion (at most five versions: LimitExceeded beyond),
 * DeletePolicyVersion (never the default: DeleteConflict), SetDefaultPolicyVersion, and
 * GetAccountAuthorizationDetails paged one role per page with {@code Marker}. Strict: any other action
 * is an error. Documents are returned URL-encoded, as IAM does.
 */
public final class FakeIam implements AutoCloseable {

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    public record Version(String id, String document, Instant created) {}

    public record Role(String name, String arn, Map<String, String> inline, List<String> attached) {}

    private final HttpServer server;
    private final Map<String, List<Version>> versions = new LinkedHashMap<>();
    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, Integer> nextId = new HashMap<>();
    private final List<Role> roles = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    public final List<String> calls = new ArrayList<>();

    public FakeIam() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public IamClient client() {
        return IamClient.builder().region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    /** A managed policy with one version per document, the last the default. */
    public synchronized void policy(String arn, String... documents) {
        for (String d : documents) {
            add(arn, d, true);
        }
    }

    public synchronized void role(Role r) {
        roles.add(r);
    }

    public synchronized List<String> versionIds(String arn) {
        return versions.get(arn).stream().map(Version::id).toList();
    }

    public synchronized String defaultVersion(String arn) {
        return defaults.get(arn);
    }

    public synchronized String document(String arn, String versionId) {
        return versions.get(arn).stream().filter(v -> v.id().equals(versionId)).findFirst().orElseThrow().document();
    }

    private Version add(String arn, String document, boolean asDefault) {
        int n = nextId.merge(arn, 1, Integer::sum);
        clock = clock.plusSeconds(60);
        Version v = new Version("v" + n, document, clock);
        versions.computeIfAbsent(arn, k -> new ArrayList<>()).add(v);
        if (asDefault) {
            defaults.put(arn, v.id());
        }
        return v;
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        Map<String, String> p = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String action = p.getOrDefault("Action", "");
        calls.add(action);
        String arn = p.get("PolicyArn");
        switch (action) {
            case "ListPolicyVersions" -> {
                StringBuilder b = new StringBuilder("<Versions>");
                for (Version v : versions.getOrDefault(arn, List.of())) {
                    b.append(member(arn, v, false));
                }
                reply(x, action, b.append("</Versions><IsTruncated>false</IsTruncated>").toString());
            }
            case "CreatePolicyVersion" -> {
                if (versions.getOrDefault(arn, List.of()).size() >= 5) {
                    error(x, 409, "LimitExceeded", "A managed policy can have up to 5 versions.");
                    return;
                }
                Version v = add(arn, p.get("PolicyDocument"), "true".equals(p.get("SetAsDefault")));
                reply(x, action, "<PolicyVersion>" + fields(arn, v, false) + "</PolicyVersion>");
            }
            case "DeletePolicyVersion" -> {
                if (p.get("VersionId").equals(defaults.get(arn))) {
                    error(x, 409, "DeleteConflict", "Cannot delete the default version of a policy.");
                    return;
                }
                versions.get(arn).removeIf(v -> v.id().equals(p.get("VersionId")));
                reply(x, action, null);
            }
            case "SetDefaultPolicyVersion" -> {
                defaults.put(arn, p.get("VersionId"));
                reply(x, action, null);
            }
            case "GetAccountAuthorizationDetails" -> authorizationDetails(x, p.get("Marker"));
            default -> error(x, 400, "InvalidAction", "the fake does not speak " + action);
        }
    }

    private void authorizationDetails(HttpExchange x, String marker) throws IOException {
        int page = marker == null ? 0 : Integer.parseInt(marker.substring(5));
        StringBuilder b = new StringBuilder("<RoleDetailList>");
        if (page < roles.size()) {
            Role r = roles.get(page);
            b.append("<member><RoleName>").append(r.name()).append("</RoleName><Arn>").append(r.arn()).append("</Arn>")
                    .append("<RolePolicyList>");
            r.inline().forEach((n, d) -> b.append("<member><PolicyName>").append(n).append("</PolicyName><PolicyDocument>")
                    .append(encode(d)).append("</PolicyDocument></member>"));
            b.append("</RolePolicyList><AttachedManagedPolicies>");
            r.attached().forEach(a -> b.append("<member><PolicyName>p</PolicyName><PolicyArn>").append(a)
                    .append("</PolicyArn></member>"));
            b.append("</AttachedManagedPolicies></member>");
        }
        b.append("</RoleDetailList><UserDetailList/><GroupDetailList/><Policies>");
        if (page == 0) {
            for (String arn : versions.keySet()) {
                b.append("<member><PolicyName>").append(arn.substring(arn.lastIndexOf('/') + 1)).append("</PolicyName><Arn>")
                        .append(arn).append("</Arn><DefaultVersionId>").append(defaults.get(arn))
                        .append("</DefaultVersionId><PolicyVersionList>");
                versions.get(arn).forEach(v -> b.append(member(arn, v, true)));
                b.append("</PolicyVersionList></member>");
            }
        }
        b.append("</Policies>");
        boolean more = page + 1 < roles.size();
        b.append("<IsTruncated>").append(more).append("</IsTruncated>");
        if (more) {
            b.append("<Marker>page-").append(page + 1).append("</Marker>");
        }
        reply(x, "GetAccountAuthorizationDetails", b.toString());
    }

    private String member(String arn, Version v, boolean withDocument) {
        return "<member>" + fields(arn, v, withDocument) + "</member>";
    }

    private String fields(String arn, Version v, boolean withDocument) {
        return (withDocument ? "<Document>" + encode(v.document()) + "</Document>" : "") + "<VersionId>" + v.id()
                + "</VersionId><IsDefaultVersion>" + v.id().equals(defaults.get(arn)) + "</IsDefaultVersion><CreateDate>"
                + v.created() + "</CreateDate>";
    }

    private static String encode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void reply(HttpExchange x, String action, String result) throws IOException {
        send(x, 200, "<" + action + "Response xmlns=\"" + NS + "\">"
                + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static void error(HttpExchange x, int status, String code, String message) throws IOException {
        send(x, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>req-1</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/xml");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The endpoint to give {@code --iam-endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
