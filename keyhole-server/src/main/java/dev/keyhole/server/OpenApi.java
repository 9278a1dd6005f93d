package dev.keyhole.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 document, generated from the route table that registers the routes, so it cannot drift from them. */
final class OpenApi {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {}

    static ObjectNode document(List<Route> routes, String version) {
        ObjectNode doc = Http.object().put("openapi", "3.1.0");
        doc.putObject("info").put("title", "keyhole").put("version", version)
                .put("description", "Least-privilege access to DynamoDB through runbooks. Every operation but health "
                        + "needs a bearer token (API token or OpenID Connect); errors are {error, message, correlationId}.");
        ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", Sessions.COOKIE);
        ObjectNode error = ((ObjectNode) doc.get("components")).putObject("schemas").putObject("Error").put("type", "object");
        ObjectNode props = error.putObject("properties");
        props.putObject("error").put("type", "string");
        props.putObject("message").put("type", "string");
        props.putObject("correlationId").put("type", "string");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("session");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            if (r.html()) {
                continue;
            }
            // Not paths.with(path): Jackson reads a string starting with "/" there as a JSON pointer.
            ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            ObjectNode op = item.putObject(r.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", r.summary()).put("operationId", operationId(r));
            if (r.open()) {
                op.putArray("security").addObject();
            }
            Matcher m = PARAM.matcher(r.path());
            ArrayNode params = null;
            while (m.find()) {
                if (params == null) {
                    params = op.putArray("parameters");
                }
                params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            if (r.method().name().equals("POST")) {
                op.putObject("requestBody").putObject("content").putObject("application/json").putObject("schema")
                        .put("type", "object");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "done").putObject("content").putObject("application/json")
                    .putObject("schema").put("type", "object");
            for (String code : r.open() ? List.of("500") : List.of("400", "401", "403", "404", "500")) {
                responses.putObject(code).put("description", switch (code) {
                    case "400" -> "invalid input";
                    case "401" -> "not signed in";
                    case "403" -> "refused";
                    case "404" -> "no such thing";
                    default -> "keyhole failed";
                }).putObject("content").putObject("application/json").putObject("schema")
                        .put("$ref", "#/components/schemas/Error");
            }
        }
        return doc;
    }

    private static String operationId(Route r) {
        StringBuilder sb = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String part : r.path().replace("/api/v1/", "").split("[/{}-]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
