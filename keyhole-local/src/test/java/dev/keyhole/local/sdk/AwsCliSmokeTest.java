package dev.keyhole.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official AWS CLI v2 (Debian's {@code awscli}, installed by {@code bin/setup-test-deps}) works
 * against the local engine unchanged: an independent client, signing its own requests.
 */
class AwsCliSmokeTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestEngine engine;

    @BeforeAll
    static void start() throws IOException {
        assertThat(AWS).as("the AWS CLI v2 at /usr/bin/aws (bin/setup-test-deps installs it)").isExecutable();
        engine = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private record Result(int exit, String out, String err) {}

    private static Result aws(String key, String secret, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(AWS.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", engine.server.endpoint().toString(), "--region", "us-east-1",
                "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", key);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_PAGER", "");
        Path out = Files.createTempFile("aws", ".out");
        Path err = Files.createTempFile("aws", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Result admin(String... args) throws Exception {
        return aws("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", args);
    }

    @Test
    void theAwsCliCreatesWritesReadsAndQueries() throws Exception {
        Result created = admin("dynamodb", "create-table", "--table-name", "Cli",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(JSON.readTree(created.out()).at("/TableDescription/TableStatus").asText()).isEqualTo("ACTIVE");
        for (int i = 1; i <= 3; i++) {
            Result put = admin("dynamodb", "put-item", "--table-name", "Cli", "--item",
                    "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"" + i + "\"},\"v\":{\"S\":\"v" + i + "\"}}");
            assertThat(put.exit()).as(put.err()).isZero();
        }
        Result got = admin("dynamodb", "get-item", "--table-name", "Cli", "--key", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}");
        assertThat(JSON.readTree(got.out()).at("/Item/v/S").asText()).isEqualTo("v2");
        Result q = admin("dynamodb", "query", "--table-name", "Cli", "--key-condition-expression", "pk = :p AND sk > :s",
                "--expression-attribute-values", "{\":p\":{\"S\":\"a\"},\":s\":{\"N\":\"1\"}}", "--no-scan-index-forward");
        JsonNode items = JSON.readTree(q.out()).get("Items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).at("/sk/N").asText()).isEqualTo("3");
        Result tables = admin("dynamodb", "list-tables");
        assertThat(JSON.readTree(tables.out()).get("TableNames").toString()).contains("Cli");
    }

    @Test
    void theAwsCliSeesStsAndIamRefusals() throws Exception {
        Result who = admin("sts", "get-caller-identity");
        assertThat(who.exit()).as(who.err()).isZero();
        assertThat(JSON.readTree(who.out()).get("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:user/admin");
        Result bob = aws("AKIABOBDEMO000000001", "bob-demo-secret-not-for-production-00001", "dynamodb", "list-tables");
        assertThat(bob.exit()).isNotZero();
        assertThat(bob.err()).contains("AccessDeniedException").contains("user/bob is not authorized to perform: dynamodb:ListTables");
        Result wrongSecret = aws("AKIAIOSFODNN7EXAMPLE", "not-the-secret", "dynamodb", "list-tables");
        assertThat(wrongSecret.err()).contains("InvalidSignatureException");
    }
}
