package dev.keyhole.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.Caller;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers every handler uses: the authenticated caller, the JSON body, JSON answers. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final String CALLER = "keyhole.caller";
    static final String CORRELATION_ID = "keyhole.correlationId";

    private Http() {}

    /** The authenticated caller; the authentication filter put it there, or the request never got here. */
    public static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new ApiError(401, "unauthenticated", "sign in first");
        }
        return c;
    }

    /** This request's correlation id (the caller's {@code X-Correlation-Id}, or a new UUIDv7). */
    public static String correlationId(Context ctx) {
        return ctx.attribute(CORRELATION_ID);
    }

    /** The request body as a JSON object; a clear 400 when it is not one. */
    public static ObjectNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (!(n instanceof ObjectNode o)) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A string field, or {@code null}; a 400 when it is there but not a string. */
    public static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("`" + field + "` must be a string");
        }
        return v.asText();
    }

    /** An object of scalar values as strings (parameters), empty when absent. */
    public static Map<String, String> strings(ObjectNode body, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw ApiError.badRequest("`" + field + "` must be an object of names to values");
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw ApiError.badRequest("`" + field + "." + e.getKey() + "` must be a string, number or boolean");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** Answers with {@code node} as JSON. */
    public static void json(Context ctx, int status, JsonNode node) {
        ctx.status(status).contentType("application/json").result(node.toString());
    }

    public static void json(Context ctx, JsonNode node) {
        json(ctx, 200, node);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
