package dev.keyhole.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.audit.AuditExport;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.server.demo.LocalIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Secrets never reach the server's logs, its error bodies or the audit log: bearer tokens (good, wrong and
 * malformed), the STS credentials keyhole mints for each run, the local identities' secrets, and the values
 * a runbook masks. The server is driven through successes and every kind of failure, then everything it
 * wrote is searched, for the exact secrets it saw and for anything shaped like one
 * ({@code secret-patterns.txt}, which {@code bin/scan-test-outputs} also applies to the whole suite's output).
 */
class SecretsStayOutTest {

    /** A token in keyhole's format that no store knows: it must be refused without being repeated. */
    private static final String FORGED_TOKEN = "kh_AAAABBBBCCCC_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    private static RunningServer s;
    private static final List<String> responses = new ArrayList<>();
    private static String auditExport;

    @BeforeAll
    static void driveTheServerThroughSuccessesAndFailures() throws Exception {
        s = new RunningServer();
        keep(s.post("/api/v1/runbooks/customer-profile/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1001\"},\"ticket\":\"INC-7\"}"));
        keep(s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token",
                "{\"params\":{\"customerId\":\"C-1002\",\"since\":\"-P365D\"},\"ticket\":\"INC-7\"}"));
        keep(s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", "{\"params\":{\"customerId\":\"C-1001\"}}"));
        keep(s.post("/api/v1/runbooks/orders-by-customer/runs", "dan-token",
                "{\"params\":{\"customerId\":\"C-1001\"},\"ticket\":\"INC-7\"}"));
        keep(s.post("/api/v1/runbooks/orders-by-customer/runs", "alice-token", "{\"params\":"));
        keep(s.get("/api/v1/runbooks", FORGED_TOKEN));
        keep(s.get("/api/v1/runbooks", "alice-token-but-wrong"));
        keep(s.get("/api/v1/runbooks", null));
        keep(s.http.send(HttpRequest.newBuilder(s.uri("/api/v1/runbooks")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("alice:" + LocalIdentities.ADMIN_SECRET)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString()));
        keep(s.http.send(HttpRequest.newBuilder(s.uri("/api/v1/runbooks")).header("Cookie", "kh_session=" + FORGED_TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString()));
        keep(s.get("/api/v1/audit?ticket=INC-7", "alice-token"));
        keep(s.get("/api/v1/audit?since=" + FORGED_TOKEN, "alice-token"));
        StringWriter out = new StringWriter();
        AuditExport.write(new AuditStore(s.world.database()), Map.of(), out);
        auditExport = out.toString();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static void keep(HttpResponse<String> r) {
        responses.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
    }

    private static String everythingTheServerWrote() {
        return s.logs.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", responses) + "\n" + auditExport;
    }

    @Test
    void theServerWasDrivenThroughRunsRefusalsAndBadCredentials() {
        assertThat(responses).anyMatch(r -> r.startsWith("200 "));
        assertThat(responses).anyMatch(r -> r.startsWith("401 "));
        assertThat(responses).anyMatch(r -> r.startsWith("403 "));
        assertThat(responses).anyMatch(r -> r.startsWith("400 "));
        assertThat(auditExport).contains("\\\"type\\\":\\\"finished\\\"").contains("\\\"type\\\":\\\"refused\\\"");
        assertThat(s.logs.toString(StandardCharsets.UTF_8)).contains("\"status\":401");
    }

    @Test
    void noBearerTokenWrongOrRightIsWrittenAnywhere() {
        String all = everythingTheServerWrote();
        for (String token : List.of(FORGED_TOKEN, "alice-token", "dan-token", "alice-token-but-wrong")) {
            assertThat(all).as("token %s", token.substring(0, 5)).doesNotContain(token);
        }
    }

    @Test
    void theLocalIdentitiesSecretsAreWrittenNowhere() {
        String all = everythingTheServerWrote();
        assertThat(all).doesNotContain(LocalIdentities.KEYHOLE_SECRET).doesNotContain(LocalIdentities.ADMIN_SECRET);
    }

    @Test
    void maskedAttributesLeaveOnlyInTheirMaskedForm() {
        // customer-profile hashes `email`: the demo's addresses end in @example.com.
        assertThat(responses.get(0)).startsWith("200 ").contains("\"email\"");
        assertThat(everythingTheServerWrote()).doesNotContain("@example.com");
    }

    @Test
    void nothingShapedLikeASecretIsWritten() throws IOException {
        assertThat(leaks(everythingTheServerWrote())).isEmpty();
    }

    /** The patterns are not vacuous: they find the credentials STS really mints, and keyhole's token format. */
    @Test
    void thePatternsFindRealMintedCredentialsAndTokens() throws IOException {
        try (StsClient sts = StsClient.builder().endpointOverride(s.world.engine().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalIdentities.KEYHOLE_ACCESS_KEY, LocalIdentities.KEYHOLE_SECRET))).build()) {
            String role = s.world.services().runbooks().get().get(0).target().role();
            Credentials c = sts.assumeRole(b -> b.roleArn(role).roleSessionName("pattern-check").sourceIdentity("pattern-check")).credentials();
            assertThat(leaks("{\"secret\":\"" + c.secretAccessKey() + "\"}")).hasSize(1);
            assertThat(leaks("token=" + c.sessionToken() + "\n")).hasSize(1);
        }
        assertThat(leaks("Authorization: Bearer " + FORGED_TOKEN)).hasSize(1);
        assertThat(leaks("aws_secret_access_key = " + LocalIdentities.ADMIN_SECRET)).isNotEmpty();
        assertThat(leaks("correlationId 0192f3a4-5b6c-7d8e-9f00-112233445566, sha256 "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")).isEmpty();
    }

    private static List<String> leaks(String text) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = patterns().matcher(text);
        while (m.find()) {
            found.add("at " + m.start() + " (" + m.group().length() + " characters)");
        }
        return found;
    }

    private static Pattern patterns() throws IOException {
        try (InputStream in = SecretsStayOutTest.class.getResourceAsStream("/secret-patterns.txt")) {
            String joined = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> "(?:" + l + ")")
                    .reduce((a, b) -> a + "|" + b).orElseThrow();
            return Pattern.compile(joined);
        }
    }
}
