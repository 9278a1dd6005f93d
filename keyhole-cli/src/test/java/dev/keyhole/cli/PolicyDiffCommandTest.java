package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyhole policy diff} and {@code keyhole runbooks diff --base}: witnesses, confirmations, exit codes. */
class PolicyDiffCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":%s,
             "Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/Orders",
             "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""";

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void newAccessExitsThreeAndTheWitnessIsConfirmedByPolicySimulate(@TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("old.json"), QUERY.formatted("\"dynamodb:Query\""));
        Path after = Files.writeString(dir.resolve("new.json"), QUERY.formatted("[\"dynamodb:Query\",\"dynamodb:Scan\"]"));
        CommandRun r = run("policy", "diff", "--format", "json", before.toString(), after.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.DENIED);
        JsonNode witness = JSON.readTree(r.out()).get("witness");
        assertThat(witness.get("request").get("action").asText()).isEqualTo("dynamodb:Scan");
        List<String> args = new ArrayList<>();
        witness.get("simulate").forEach(a -> args.add(a.asText()));
        assertThat(run(args.toArray(String[]::new)).exit()).isEqualTo(ExitCode.OK);
        args.set(args.indexOf(after.toString()), before.toString());
        assertThat(run(args.toArray(String[]::new)).exit()).isEqualTo(ExitCode.DENIED);
    }

    @Test
    void noNewAccessExitsZeroAndSaysHowMuchItSearched(@TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("old.json"), QUERY.formatted("[\"dynamodb:Query\",\"dynamodb:Scan\"]"));
        Path after = Files.writeString(dir.resolve("new.json"), QUERY.formatted("\"dynamodb:Query\""));
        CommandRun r = run("policy", "diff", before.toString(), after.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("no new access").containsPattern("searched (\\d+) of \\1 request");
    }

    @Test
    void anUnreadablePolicyIsInvalidInput(@TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("old.json"), "{\"Statement\": 3}");
        Path after = Files.writeString(dir.resolve("new.json"), QUERY.formatted("\"dynamodb:Query\""));
        CommandRun r = run("policy", "diff", before.toString(), after.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("old.json").contains("not a valid policy");
    }

    @Test
    void runbooksDiffReportsTheRunbookWhoseChangeWidensItsRolePolicy(@TempDir Path repo) throws Exception {
        Path runbooks = Files.createDirectories(repo.resolve("runbooks"));
        String orders = Files.readString(Paths.get("../examples/runbooks/orders-by-customer.yaml"));
        String profile = Files.readString(Paths.get("../examples/runbooks/customer-profile.yaml"));
        Files.writeString(runbooks.resolve("orders.yaml"), orders);
        Files.writeString(runbooks.resolve("profile.yaml"), profile);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
        assertThat(orders).contains("region: us-east-1");
        Files.writeString(runbooks.resolve("orders.yaml"), orders.replace("region: us-east-1", "region: eu-west-1"));
        Files.writeString(runbooks.resolve("profile.yaml"), profile.replaceFirst("description: ", "description: Renamed. "));

        CommandRun r = run("runbooks", "diff", "--base", "HEAD", "--format", "json", runbooks.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.DENIED);
        JsonNode results = JSON.readTree(r.out());
        JsonNode ordersResult = find(results, "orders-by-customer");
        assertThat(ordersResult.get("newAccess").asBoolean()).isTrue();
        assertThat(ordersResult.get("witness").get("request").get("context").get("aws:RequestedRegion").asText())
                .isEqualTo("eu-west-1");
        assertThat(find(results, "customer-profile").get("newAccess").asBoolean()).isFalse();

        Path cases = repo.resolve("case.jsonl");
        com.fasterxml.jackson.databind.node.ObjectNode c = JSON.createObjectNode();
        c.set("request", ordersResult.get("witness").get("request"));
        c.putArray("identityPolicies").add(ordersResult.get("policy"));
        Files.writeString(cases, JSON.writeValueAsString(c) + "\n");
        assertThat(run("policy", "simulate", "--cases", cases.toString()).out()).contains("\"decision\":\"Allow\"");

        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "change");
        assertThat(run("runbooks", "diff", "--base", "HEAD", runbooks.toString()).exit()).isEqualTo(ExitCode.OK);
        CommandRun missing = run("runbooks", "diff", "--base", "no-such-ref", runbooks.toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(missing.err()).contains("no git revision `no-such-ref`");
    }

    private static JsonNode find(JsonNode results, String prefix) {
        for (JsonNode n : results) {
            if (n.get("label").asText().startsWith(prefix)) {
                return n;
            }
        }
        throw new AssertionError("no result for " + prefix + " in " + results);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
