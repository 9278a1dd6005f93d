package dev.keyhole.server.iamauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.server.ApiError;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sign-in token decoded and checked offline, before anything is sent anywhere: a POST to a trusted STS
 * endpoint, {@code GetCallerIdentity} and nothing else, this keyhole's server id in a <em>signed</em> header,
 * signed within the allowed window. Whether the signature is genuine only STS can tell.
 *
 * @param uri where the request goes (one of the configured STS endpoints)
 * @param headers the headers to send, as the client signed them
 * @param body the form body
 * @param signature the SigV4 signature (hex), which identifies the token for replay detection
 * @param signedAt the request's {@code X-Amz-Date}
 */
record SignInRequest(URI uri, Map<String, String> headers, String body, String signature, Instant signedAt) {

    static final String SERVER_ID = "x-keyhole-server-id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> ONLY_PARAMETERS = Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15");

    /** Decodes {@code encoded} (the token without its prefix) and checks it against {@code config} at {@code now}. */
    static SignInRequest check(String encoded, IamAuthConfig config, Instant now) {
        JsonNode n;
        try {
            n = JSON.readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IllegalArgumentException | IOException e) {
            throw refuse("the IAM sign-in token is not base64url JSON; make one with keyhole-client's `IamSignIn.token`");
        }
        if (n == null || !n.path("method").isTextual() || !n.path("url").isTextual() || !n.path("body").isTextual()
                || !n.path("headers").isObject()) {
            throw refuse("the IAM sign-in token needs `method`, `url`, `headers` and `body`");
        }
        if (!n.get("method").asText().equals("POST")) {
            throw refuse("the IAM sign-in request must be a POST, not `" + n.get("method").asText() + "`");
        }
        URI uri = trustedEndpoint(n.get("url").asText(), config);
        Map<String, String> headers = headers(n.get("headers"));
        checkAction(n.get("body").asText());
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lower.putAll(headers);
        String authorization = lower.get("authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            throw refuse("the IAM sign-in request is not signed with SigV4 (no `Authorization: AWS4-HMAC-SHA256 ...`)");
        }
        Map<String, String> auth = authorizationParts(authorization);
        String serverId = lower.get(SERVER_ID);
        if (serverId == null) {
            throw refuse("the IAM sign-in request lacks the `X-Keyhole-Server-ID` header; sign it with `"
                    + config.audience() + "`");
        }
        if (!List.of(auth.getOrDefault("SignedHeaders", "").split(";")).contains(SERVER_ID)) {
            throw refuse("the IAM sign-in request's `X-Keyhole-Server-ID` header is not signed (not in SignedHeaders), "
                    + "so anyone could have changed it");
        }
        if (!serverId.equals(config.audience())) {
            throw refuse("the IAM sign-in token is for `" + serverId + "`, not for this keyhole (`" + config.audience() + "`)");
        }
        Instant signedAt = signingTime(lower.get("x-amz-date"));
        if (Duration.between(signedAt, now).compareTo(config.maxAge()) > 0) {
            throw refuse("the IAM sign-in token was signed at " + signedAt + ", more than " + config.maxAge()
                    + " ago: it has expired; make a new one for each request");
        }
        if (Duration.between(now, signedAt).compareTo(config.maxAge()) > 0) {
            throw refuse("the IAM sign-in token was signed at " + signedAt + ", more than " + config.maxAge()
                    + " in the future; check the caller's clock");
        }
        return new SignInRequest(uri, headers, n.get("body").asText(), auth.get("Signature"), signedAt);
    }

    /** The URL, only when it is exactly one of the configured endpoints: never forward anywhere else. */
    private static URI trustedEndpoint(String url, IamAuthConfig config) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refuse("the IAM sign-in request's url `" + url + "` is not a URL");
        }
        boolean plainRoot = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        for (URI trusted : config.stsEndpoints()) {
            if (plainRoot && sameOrigin(uri, trusted)) {
                return uri;
            }
        }
        throw refuse("the IAM sign-in request goes to `" + url + "`; this keyhole sends sign-ins only to STS at "
                + config.stsEndpoints().stream().map(u -> "`" + u + "`").toList());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().isTextual()) {
                throw refuse("the IAM sign-in request's header `" + e.getKey() + "` must be a string");
            }
            if (seen.put(e.getKey(), e.getKey()) != null) {
                throw refuse("the IAM sign-in request names header `" + e.getKey() + "` twice");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The body must be GetCallerIdentity's two parameters and nothing else. */
    private static void checkAction(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (params.put(k, v) != null) {
                throw refuse("the IAM sign-in request repeats `" + k + "`");
            }
        }
        if (!params.equals(ONLY_PARAMETERS)) {
            throw refuse("the IAM sign-in request may only call STS `GetCallerIdentity` (body `"
                    + "Action=GetCallerIdentity&Version=2011-06-15`), not `" + params.getOrDefault("Action", "?") + "`");
        }
    }

    private static Map<String, String> authorizationParts(String authorization) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : authorization.substring(17).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        String[] scope = parts.getOrDefault("Credential", "").split("/");
        if (scope.length != 5 || !parts.containsKey("SignedHeaders") || !parts.containsKey("Signature")) {
            throw refuse("the IAM sign-in request's Authorization header needs Credential, SignedHeaders and Signature");
        }
        if (!scope[3].equals("sts")) {
            throw refuse("the IAM sign-in request is signed for `" + scope[3] + "`, not for `sts`");
        }
        return parts;
    }

    private static Instant signingTime(String amzDate) {
        if (amzDate == null) {
            throw refuse("the IAM sign-in request lacks `X-Amz-Date`, so its age cannot be told");
        }
        try {
            return AMZ_DATE.parse(amzDate.toUpperCase(Locale.ROOT), Instant::from);
        } catch (DateTimeParseException e) {
            throw refuse("the IAM sign-in request's `X-Amz-Date` `" + amzDate + "` is not like `20261125T081500Z`");
        }
    }

    static ApiError refuse(String message) {
        return new ApiError(401, "unauthenticated", message);
    }
}
