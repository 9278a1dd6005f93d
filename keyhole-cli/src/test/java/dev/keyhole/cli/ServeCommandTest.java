package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.cli.serve.ServeHandle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `keyhole serve --demo` as a user starts it, and `keyhole run --server` as another process calls it. */
class ServeCommandTest {

    private static final StringWriter out = new StringWriter();
    private static Thread serving;
    private static String base;
    private static String aliceToken;

    @BeforeAll
    static void start() throws Exception {
        serving = new Thread(() -> Main.execute(new PrintWriter(out, true), new PrintWriter(out, true),
                "serve", "--demo", "--port", "0"));
        serving.setDaemon(true);
        serving.start();
        Pattern url = Pattern.compile("keyhole serving on (http://127\\.0\\.0\\.1:\\d+)");
        Pattern alice = Pattern.compile("\\n  alice\\s+oncall\\s+(kh_\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (base == null || aliceToken == null)) {
            Matcher m = url.matcher(out.toString());
            Matcher t = alice.matcher(out.toString());
            if (m.find() && t.find()) {
                base = m.group(1);
                aliceToken = t.group(1);
            }
            Thread.sleep(100);
        }
        assertThat(base).as(out.toString()).isNotNull();
    }

    @AfterAll
    static void stop() {
        ServeHandle.stopAll();
    }

    @Test
    void theDemoPrintsHowToSignInAndItsTokensWork() throws Exception {
        assertThat(out.toString()).contains("sign in at " + base + "/login").contains("  dan    security");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runbooks"))
                .header("Authorization", "Bearer " + aliceToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("orders-by-customer");
        HttpResponse<String> guessed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runbooks"))
                .header("Authorization", "Bearer " + aliceToken.substring(0, aliceToken.length() - 2) + "xx").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(guessed.statusCode()).isEqualTo(401);
    }

    private static List<String> cli(String token, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("KEYHOLE_TOKEN", token);
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return List.of(Integer.toString(p.exitValue()), stdout, stderr);
    }

    @Test
    void runAgainstTheServerPrintsTheSameTableAndKeepsTheExitCodes() throws Exception {
        List<String> ok = cli(aliceToken, "run", "orders-by-customer", "--server", base, "-p", "customerId=C-1001",
                "--ticket", "INC-1", "-o", "csv");
        assertThat(ok.get(0)).as(ok.get(2)).isEqualTo("0");
        assertThat(ok.get(1)).startsWith("customerId,orderId,createdAt,status,total\nC-1001,O-");
        List<String> refused = cli(aliceToken, "run", "orders-by-customer", "--server", base, "-p", "customerId=C-1001");
        assertThat(refused.get(0)).isEqualTo(Integer.toString(ExitCode.DENIED));
        assertThat(refused.get(2)).contains("refused: runbook `orders-by-customer` needs a ticket").contains("correlation id ");
        List<String> badToken = cli("kh_nope", "run", "orders-by-customer", "--server", base, "-p", "customerId=C-1001",
                "--ticket", "INC-1");
        assertThat(badToken.get(0)).isEqualTo(Integer.toString(ExitCode.DENIED));
        assertThat(badToken.get(2)).contains("unknown, expired or revoked");
    }

    @Test
    void theDemoServesDriftFindingsOfItsOwnTrailOutOfTheBox() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest findings = HttpRequest.newBuilder(URI.create(base + "/api/v1/drift/findings"))
                .header("Authorization", "Bearer " + aliceToken).build();
        String body = "";
        // the first scan runs on the drift timer at start; wait for it rather than race it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !body.contains("\"scannedBy\"")) {
            body = http.send(findings, HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(200);
        }
        assertThat(body).contains("\"scannedBy\":\"schedule\"").contains("\"expected\":2")
                .contains("keyhole-session-unaudited").contains("access-denied-burst");
    }
}
