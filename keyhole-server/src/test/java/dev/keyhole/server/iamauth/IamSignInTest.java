package dev.keyhole.server.iamauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.keyhole.client.IamSignIn;
import dev.keyhole.client.KeyholeClient;
import dev.keyhole.client.KeyholeException;
import dev.keyhole.client.Page;
import dev.keyhole.gateway.audit.AuditEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Machines sign in with their AWS IAM identity over real HTTP, against the local engine's real STS: a role's
 * workload runs its runbook from its own process; other roles, replayed, stale, misdirected and tampered sign-ins
 * are refused with the reason; the audit log names the role.
 */
class IamSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNS = "/api/v1/runbooks/billing-orders/runs";
    private static final String BODY = "{\"params\":{\"customerId\":\"C-1001\"},\"ticket\":\"job-nightly-42\"}";
    private static MachineWorld w;
    private static AwsSessionCredentials billing;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        w = new MachineWorld();
        billing = w.assume(MachineWorld.BILLING, "billing-test");
    }

    @AfterAll
    static void stop() {
        w.close();
    }

    @AfterEach
    void clockBack() {
        w.signInClock.move(Duration.ZERO);
    }

    private String token(AwsSessionCredentials creds, URI sts, String audience, Clock clock) {
        return IamSignIn.token(creds, Region.US_EAST_1, sts, audience, clock);
    }

    private String token() {
        return token(billing, w.stsEndpoint(), MachineWorld.AUDIENCE, Clock.systemUTC());
    }

    private HttpResponse<String> post(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(w.endpoint().resolve(RUNS)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String message(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("message").asText();
    }

    /** {@code token} with its JSON changed by {@code edit}. */
    private static String edited(String token, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.substring(IamSignIn.PREFIX.length())));
        edit.accept(n);
        return IamSignIn.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(n));
    }

    @Test
    void aRolesWorkloadRunsItsRunbookFromItsOwnProcess() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.javaBinary(), "-cp", System.getProperty("java.class.path"),
                ServiceProcess.class.getName(), w.endpoint().toString(), MachineWorld.AUDIENCE, w.stsEndpoint().toString(),
                "billing-orders", "C-1001", "job-nightly-42").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_ACCESS_KEY_ID", billing.accessKeyId());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", billing.secretAccessKey());
        pb.environment().put("AWS_SESSION_TOKEN", billing.sessionToken());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> items = out.lines().filter(l -> l.startsWith("item ")).toList();
        assertThat(items).isNotEmpty().allMatch(l -> l.startsWith("item C-1001 O-"));
        assertThat(items).doesNotHaveDuplicates();
        String done = out.lines().filter(l -> l.startsWith("done ")).findFirst().orElseThrow();
        assertThat(done).contains("items=" + items.size());
        assertThat(Integer.parseInt(done.replaceAll(".*pages=(\\d+).*", "$1"))).isGreaterThan(1);
        String correlationId = done.replaceAll(".*correlationId=(\\S+).*", "$1");
        List<AuditEvent> runs = w.audit().stream().filter(e -> e.correlationId().equals(correlationId)).toList();
        assertThat(runs).isNotEmpty().allMatch(e -> e.principal().equals(MachineWorld.BILLING));
        assertThat(runs).extracting(e -> e.type().word()).contains("started", "finished");
    }

    @Test
    void anotherRoleIsRefusedAsNotARunner() throws Exception {
        KeyholeClient reports = KeyholeClient.builder().endpoint(w.endpoint()).audience(MachineWorld.AUDIENCE)
                .stsEndpoint(w.stsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(w.assume(MachineWorld.REPORTS, "reports-test")))
                .build();
        KeyholeException e = org.junit.jupiter.api.Assertions.assertThrows(KeyholeException.class,
                () -> reports.run("billing-orders", Map.of("customerId", "C-1001"), "job-nightly-42"));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.kind()).isEqualTo("not-allowed");
        assertThat(e.reason()).contains("`" + MachineWorld.REPORTS + "` may not run runbook `billing-orders`");
        List<AuditEvent> refused = w.audit().stream().filter(a -> a.correlationId().equals(e.correlationId())).toList();
        assertThat(refused).singleElement().satisfies(a -> {
            assertThat(a.type().word()).isEqualTo("refused");
            assertThat(a.principal()).isEqualTo(MachineWorld.REPORTS);
        });
    }

    @Test
    void theClientPagesUnderOneCorrelationId() {
        KeyholeClient client = KeyholeClient.builder().endpoint(w.endpoint()).audience(MachineWorld.AUDIENCE)
                .stsEndpoint(w.stsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(billing)).build();
        Page first = client.run("billing-orders", Map.of("customerId", "C-1002"), "job-7");
        assertThat(first.items()).hasSize(2).allSatisfy(i -> assertThat(i).containsEntry("customerId", "C-1002"));
        assertThat(first.hasNext()).isTrue();
        Page second = client.next(first);
        assertThat(second.correlationId()).isEqualTo(first.correlationId());
        assertThat(second.items()).isNotEmpty().doesNotContainAnyElementsOf(first.items());
    }

    @Test
    void aServiceMayGiveAJobIdWhereAPersonNeedsATicket() throws Exception {
        HttpResponse<String> person = http.send(HttpRequest.newBuilder(w.endpoint().resolve(RUNS))
                .header("Authorization", "Bearer alice-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(person.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(person.body()).get("kind").asText()).isEqualTo("ticket-invalid");
        assertThat(post(token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceReasonOutsideThePatternIsRefusedWithBothRules() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(w.endpoint().resolve(RUNS))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"customerId\":\"C-1001\"},\"ticket\":\"because\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(message(r)).contains("`^INC-[0-9]+$`").contains("as a service, a job id or reason matching `^job-[0-9a-z-]+$`");
    }

    @Test
    void aReplayedSignInIsRefused() throws Exception {
        String token = token();
        assertThat(post(token).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(token);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(message(again)).contains("already used");
    }

    @Test
    void aSignInSignedTooLongAgoIsRefused() throws Exception {
        Clock sixMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
        HttpResponse<String> r = post(token(billing, w.stsEndpoint(), MachineWorld.AUDIENCE, sixMinutesAgo));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(message(r)).contains("has expired");
    }

    @Test
    void aSignInIsRefusedOnceKeyholesClockHasMovedPastItsWindow() throws Exception {
        String token = token();
        w.signInClock.move(Duration.ofMinutes(5).plusSeconds(5));
        HttpResponse<String> r = post(token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(message(r)).contains("has expired");
    }

    @Test
    void aSignInForAnotherKeyholeIsRefused() throws Exception {
        HttpResponse<String> r = post(token(billing, w.stsEndpoint(), "other-keyhole.internal", Clock.systemUTC()));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(message(r)).contains("is for `other-keyhole.internal`, not for this keyhole");
    }

    @Test
    void aSignInAddressedToAnotherHostIsRefusedWithoutAnyOutboundCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", ex -> {
            calls.incrementAndGet();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        elsewhere.start();
        try {
            URI other = URI.create("http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/");
            HttpResponse<String> r = post(token(billing, other, MachineWorld.AUDIENCE, Clock.systemUTC()));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(message(r)).contains("sends sign-ins only to STS");
            assertThat(calls.get()).isZero();
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aSignInWhoseServerIdIsNotSignedIsRefused() throws Exception {
        String token = edited(token(), n -> {
            ObjectNode h = (ObjectNode) n.get("headers");
            h.put("Authorization", h.get("Authorization").asText().replace(";x-keyhole-server-id", ""));
        });
        HttpResponse<String> r = post(token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(message(r)).contains("`X-Keyhole-Server-ID` header is not signed");
    }

    @Test
    void aSignInCarryingAnotherStsActionIsRefused() throws Exception {
        String token = edited(token(), n -> n.put("body", "Action=AssumeRole&Version=2011-06-15&RoleArn="
                + MachineWorld.BILLING + "&RoleSessionName=x"));
        HttpResponse<String> r = post(token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(message(r)).contains("may only call STS `GetCallerIdentity`");
    }

    @Test
    void aForgedSignatureIsRefusedBySts() throws Exception {
        String token = edited(token(), n -> {
            ObjectNode h = (ObjectNode) n.get("headers");
            String auth = h.get("Authorization").asText();
            h.put("Authorization", auth.substring(0, auth.length() - 4) + "0000");
        });
        HttpResponse<String> r = post(token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(message(r)).contains("STS did not accept the IAM sign-in").contains("SignatureDoesNotMatch");
    }

    @Test
    void otherTokensStillReachTheNextAuthenticator() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(w.endpoint().resolve("/api/v1/session"))
                .header("Authorization", "Bearer alice-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode who = JSON.readTree(r.body());
        assertThat(who.get("user").asText()).isEqualTo("alice");
    }

    @Test
    void aSignedInServiceSeesItsRoleAsItsName() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(w.endpoint().resolve("/api/v1/session"))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("user").asText()).isEqualTo(MachineWorld.BILLING);
    }

    /** The java launcher of the JDK running the tests. */
    private static final class Path {
        static String javaBinary() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
