package dev.keyhole.fuzz.targets;

import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.Seeds;
import dev.keyhole.fuzz.Target;
import dev.keyhole.fuzz.wire.HttpAnswer;
import dev.keyhole.fuzz.wire.HttpInput;
import dev.keyhole.fuzz.wire.RawHttp;
import dev.keyhole.gateway.Caller;
import dev.keyhole.server.ApiError;
import dev.keyhole.server.KeyholeServer;
import dev.keyhole.server.Sessions;
import dev.keyhole.server.demo.DemoWorld;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API of {@code keyhole serve} over the demo world (local engine, shipped runbooks, SQLite state), on
 * port 0. Inputs are HTTP messages ({@link HttpInput}); the seeds carry a valid bearer token, so mutations reach
 * the handlers: JSON bodies, query strings, runbook names, ticket ids, parameter values and sealed cursors.
 *
 * <p>Oracles: {@link ApiShape} for every answer; and a rejected write changes no grant (grants are read from the
 * store before and after; the time-driven state is left out, as a sweep may move it between the two reads).
 */
public final class ServerApiTarget implements Target {

    private static final Map<String, Caller> PEOPLE = Map.of(
            "alice-token", new Caller("alice", Set.of("oncall")),
            "carol-token", new Caller("carol", Set.of("payments-leads")),
            "dan-token", new Caller("dan", Set.of("security")));

    private final DemoWorld world;
    private final KeyholeServer server;
    private final RawHttp http;

    public ServerApiTarget() {
        Clock clock = Clock.systemUTC();
        try {
            world = new DemoWorld(Repository.root(), Files.createTempDirectory("keyhole-fuzz"), clock, token -> {
                Caller c = PEOPLE.get(token);
                if (c == null) {
                    throw new ApiError(401, "unauthenticated", "unknown token");
                }
                return c;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = KeyholeServer.start(world.services(), new Sessions(clock, Duration.ofHours(8)), List.of(), "127.0.0.1", 0,
                "fuzz", new PrintStream(OutputStream.nullOutputStream(), true));
        http = new RawHttp("127.0.0.1", server.port());
    }

    @Override
    public String name() {
        return "server-api";
    }

    @Override
    public List<byte[]> seeds() {
        return Seeds.of(name());
    }

    @Override
    public List<String> dictionary() {
        return List.of("/api/v1/runbooks", "/api/v1/runbooks/customer-profile", "/api/v1/runbooks/orders-by-customer/runs",
                "/runs", "/policy", "/api/v1/grants", "/approve", "/deny", "/revoke", "/api/v1/access/matrix",
                "/api/v1/access/who-can/", "/api/v1/access/what-can/", "/api/v1/audit", "/api/v1/audit/verify",
                "/api/v1/policy/simulate", "/api/v1/session", "?state=", "?limit=", "&since=", "&until=", "&ticket=",
                "&principal=", "&outcome=", "&correlationId=", "\"params\"", "\"query\"", "\"ticket\"", "\"cursor\"",
                "\"runbook\"", "\"exception\"", "\"duration\"", "\"reason\"", "\"PT30M\"", "\"P999999999D\"", "\"-PT1S\"",
                "\"INC-1234\"", "\"CHG-1\"", "\"C-1001\"", "\"customerId\"", "\"orderId\"", "\"policies\"", "\"request\"",
                "\"action\"", "\"resource\"", "\"context\"", "Bearer alice-token", "Bearer carol-token", "Bearer ",
                "Authorization: ", "Content-Type: application/json", "X-Correlation-Id: ", "GET", "POST", "PUT", "DELETE");
    }

    @Override
    public String run(byte[] input) throws IOException {
        HttpInput in = HttpInput.parse(input);
        boolean write = !in.method().equals("GET");
        List<List<Object>> before = write ? grants() : null;
        HttpAnswer a = http.send(in.method(), in.target(), in.headers(), in.body());
        String behaviour = ApiShape.check(a);
        if (write && a.status() >= 400 && !grants().equals(before)) {
            throw new Finding(Finding.Kind.STATE_CHANGED, "a rejected " + in.method() + " " + in.target() + " ("
                    + behaviour + ") changed the grants");
        }
        return in.method() + " " + directory(in.target()) + " " + behaviour;
    }

    /**
     * The target's path without its query, fragment and last segment, at most 40 characters: which part of the API
     * the input reached. (A regular expression here backtracked quadratically on a 60 KB segment and was reported
     * as a server hang.)
     */
    static String directory(String target) {
        int end = 0;
        while (end < target.length() && target.charAt(end) != '?' && target.charAt(end) != '#') {
            end++;
        }
        String path = target.substring(0, target.lastIndexOf('/', end - 1) + 1);
        return path.substring(0, Math.min(40, path.length()));
    }

    /** What a request may change about grants: which exist, their approvals and how they ended. */
    private List<List<Object>> grants() {
        return world.grants().list(null, null).stream()
                .map(g -> List.<Object>of(g.id(), g.approvals(), String.valueOf(g.endedBy()), String.valueOf(g.endReason())))
                .toList();
    }

    @Override
    public void close() {
        server.close();
        world.close();
    }
}
