package dev.keyhole.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.dynamo.iam.DynamoIam;
import dev.keyhole.dynamo.iam.IamCheck;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.iam.request.Request;
import dev.keyhole.iam.request.RequestContext;
import dev.keyhole.local.dynamodb.DynamoDbException;
import dev.keyhole.local.dynamodb.DynamoDbService;
import dev.keyhole.local.security.Caller;
import dev.keyhole.local.security.Denials;
import dev.keyhole.local.security.Identities;
import dev.keyhole.local.security.RequestContexts;
import dev.keyhole.local.signing.AuthFailure;
import dev.keyhole.local.signing.ReceivedRequest;
import dev.keyhole.local.signing.SigV4Verifier;
import dev.keyhole.local.sts.StsError;
import dev.keyhole.local.sts.StsService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers one received request, whichever HTTP server received it: DynamoDB's JSON 1.0 protocol when
 * {@code X-Amz-Target} names a DynamoDB operation, STS's query protocol otherwise. Authenticates by SigV4 and,
 * for DynamoDB, authorizes every IAM check the request implies before the service sees it.
 */
final class Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(LocalServer.class.getName());
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final DynamoDbService dynamo;
    private final Identities identities;
    private final StsService sts;
    private final LocalServerConfig config;
    private final Principal unauthenticated;
    private final RequestIds requestIds = new RequestIds();
    private final EngineFaults faults = new EngineFaults();

    Dispatcher(LocalServerConfig config, DynamoDbService dynamo, Identities identities) {
        this.config = config;
        this.dynamo = dynamo;
        this.identities = identities;
        this.sts = new StsService(identities);
        this.unauthenticated = new Principal(PrincipalType.USER, "arn:aws:iam::" + identities.account() + ":user/anonymous",
                "AIDAANONYMOUS", identities.account(), Map.of());
    }

    /** See {@link LocalServer#faults()}. */
    EngineFaults faults() {
        return faults;
    }

    /** The reply to a body larger than {@link LocalServer#MAX_BODY}; the request is not looked at. */
    Reply tooLarge() {
        return dynamoDbJson(413, requestIds.next(), error(DynamoDbException.DYNAMODB + "ValidationException",
                "Request body exceeds the maximum of " + LocalServer.MAX_BODY + " bytes"));
    }

    /** The reply to {@code req}, sent from {@code sourceIp}. */
    Reply handle(ReceivedRequest req, String sourceIp) {
        String requestId = requestIds.next();
        try {
            String target = req.header("x-amz-target");
            if (target != null && target.startsWith(TARGET_PREFIX)) {
                faults.onDynamoDb();
                return dynamoDb(req, target.substring(TARGET_PREFIX.length()), sourceIp, requestId);
            }
            faults.onSts();
            return sts(req, sourceIp, requestId);
        } catch (RuntimeException e) {
            // The client gets no detail; the operator gets the request id and where it broke.
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
            return dynamoDbJson(500, requestId, error(DynamoDbException.DYNAMODB + "InternalServerError",
                    "Internal server error"));
        }
    }

    private Caller authenticate(ReceivedRequest req) {
        if (!config.enforceIam()) {
            return new Caller(unauthenticated, null, null);
        }
        return identities.authenticate(req);
    }

    private String region(ReceivedRequest req) {
        try {
            return SigV4Verifier.parse(req).region();
        } catch (AuthFailure e) {
            return config.region();
        }
    }

    private Reply dynamoDb(ReceivedRequest req, String operation, String sourceIp, String requestId) {
        Caller caller;
        try {
            caller = authenticate(req);
        } catch (AuthFailure f) {
            return dynamoDbJson(400, requestId, error(DynamoDbException.CORAL + f.dynamoDbCode(), f.getMessage()));
        }
        JsonNode request;
        try {
            request = req.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(req.body());
        } catch (IOException e) {
            return dynamoDbJson(400, requestId, error("com.amazon.coral.service#SerializationException",
                    "Start of structure or map found where not expected."));
        }
        try {
            if (config.enforceIam()) {
                authorize(caller, operation, request, region(req), sourceIp);
            }
            faults.throttleIfDue();
            return dynamoDbJson(200, requestId, dynamo.handle(operation, request));
        } catch (DynamoDbException e) {
            ObjectNode err = error(e.type(), e.getMessage());
            if (e.details() != null) {
                err.setAll(e.details());
            }
            return dynamoDbJson(e.status(), requestId, err);
        }
    }

    private void authorize(Caller caller, String operation, JsonNode request, String region, String sourceIp) {
        List<IamCheck> checks = DynamoIam.derive(operation, request, region, identities.account(), dynamo.schemas());
        Instant now = identities.clock().instant();
        for (IamCheck c : checks) {
            RequestContext.Builder ctx = RequestContexts.global(caller, region, now, false, sourceIp);
            c.keys().forEach(ctx::put);
            Decision d = caller.policies().evaluate(new Request(caller.principal(), c.action(), c.resource(), ctx.build()));
            if (!d.allowed()) {
                throw new DynamoDbException(DynamoDbException.CORAL + "AccessDeniedException",
                        Denials.message(caller.principal().arn(), c.action(), c.resource(), d), 400);
            }
        }
    }

    private Reply sts(ReceivedRequest req, String sourceIp, String requestId) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            form(req.rawQuery(), params);
            form(new String(req.body(), StandardCharsets.UTF_8), params);
            Caller caller;
            try {
                caller = identities.authenticate(req);
            } catch (AuthFailure f) {
                throw new StsError(f.stsCode(), f.getMessage(), 403);
            }
            return Reply.xml(200, requestId, sts.handle(caller, params, region(req), sourceIp, requestId));
        } catch (StsError e) {
            return Reply.xml(e.status(), requestId, StsService.errorXml(e.code(), e.getMessage(), requestId, true));
        }
    }

    private static void form(String raw, Map<String, String> out) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            } catch (IllegalArgumentException e) {
                // A bad %-escape. STS's common error for it, with its status, per
                // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html (MalformedQueryString).
                throw new StsError("MalformedQueryString", "The query string contains a syntax error: a `%` must "
                        + "start an escape of two hex digits, as in `%2F`", 404);
            }
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("__type", type);
        o.put("message", message);
        return o;
    }

    private static Reply dynamoDbJson(int status, String requestId, JsonNode body) {
        try {
            return new Reply(status, requestId, Reply.DYNAMODB_JSON, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
