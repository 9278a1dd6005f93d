package dev.keyhole.cli.run;

import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.Gateway;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.cli.config.GitCommit;
import dev.keyhole.cli.remote.RemoteServer;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.audit.CorrelationIds;
import dev.keyhole.gateway.execute.Origin;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.gateway.execute.RunRequest;
import dev.keyhole.gateway.execute.RunResult;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * {@code keyhole run RUNBOOK [QUERY] --param k=v --ticket T}: one execution with minted, narrowed
 * credentials. Exit 0 ran, 2 invalid input, 3 refused or denied, 1 failed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a runbook query with short-lived credentials that allow exactly that query.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNBOOK")
    String runbook;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "The query (default: the first).")
    String query;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-t", "--ticket"}, paramLabel = "ID", description = "The ticket this run is for.")
    String ticket;

    @Option(names = "--cursor", description = "Continue from a cursor a previous run printed.")
    String cursor;

    @Option(names = "--server", paramLabel = "URL",
            description = "Run through this keyhole server instead of here (token from KEYHOLE_TOKEN).")
    String server;

    @Option(names = "--correlation-id", paramLabel = "ID",
            description = "Use this id for the run (STS session name, audit records); default: a new UUIDv7.")
    String correlationId;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json, jsonl or csv.")
    String output;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml",
            description = "Configuration file (default: ${DEFAULT-VALUE}; built-in defaults when absent).")
    Path config;

    /** Where the runbook came from, for the git commit in the audit record. */
    private Path runbooksDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Set.of("table", "json", "jsonl", "csv").contains(output)) {
            err.println("keyhole: --output must be table, json, jsonl or csv");
            return ExitCode.INVALID_INPUT;
        }
        if (server != null) {
            return remote(out, err);
        }
        KeyholeConfig cfg = KeyholeConfig.load(config);
        Runbook rb = dev.keyhole.cli.runbooks.RunbookLookup.find(cfg.runbooks(), runbook, err);
        if (rb == null) {
            return ExitCode.INVALID_INPUT;
        }
        Caller caller = dev.keyhole.cli.config.Callers.current(cfg);
        runbooksDir = cfg.runbooks();
        try (Gateway gw = new Gateway(cfg, Clock.systemUTC())) {
            return run(gw, rb, caller, out, err);
        }
    }

    /** Runs through a server: the same request, the same output and exit codes. */
    private int remote(PrintWriter out, PrintWriter err) throws Exception {
        String id = null;
        try {
            id = new CorrelationIds(Clock.systemUTC()).acceptOrNext(correlationId);
            RemoteServer remote = RemoteServer.fromEnvironment(server);
            com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode().put("query", query).put("ticket", ticket).put("cursor", cursor);
            params.forEach(body.putObject("params")::put);
            com.fasterxml.jackson.databind.JsonNode r = remote.post("/api/v1/runbooks/"
                    + java.net.URLEncoder.encode(runbook, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                    + "/runs", body, id);
            com.fasterxml.jackson.databind.JsonNode meta = remote.get("/api/v1/runbooks/"
                    + java.net.URLEncoder.encode(runbook, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"), null);
            java.util.List<String> columns = new java.util.ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode q : meta.path("queries")) {
                if (query == null ? columns.isEmpty() : query.equals(q.path("name").asText())) {
                    columns.clear();
                    q.path("projection").forEach(c -> columns.add(c.asText()));
                }
            }
            java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> rows = new java.util.ArrayList<>();
            r.path("items").forEach(i -> rows.add((com.fasterxml.jackson.databind.node.ObjectNode) i));
            ResultPrinter.print(new ResultPrinter.Shown(r.path("correlationId").asText(), rows,
                    r.hasNonNull("cursor") ? r.get("cursor").asText() : null, r.path("capReached").asBoolean(),
                    r.path("consumedCapacity").asDouble(), r.path("elapsedMs").asLong()), columns, output, out, err);
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } catch (RemoteServer.RemoteError e) {
            err.println("keyhole: " + (e.exitCode() == ExitCode.DENIED ? "refused: " : "") + e.getMessage()
                    + (e.correlationId() == null ? "" : " (correlation id " + e.correlationId() + ")"));
            return e.exitCode();
        }
    }

    /** Runs with an existing gateway; used by {@code keyhole demo} too. */
    int run(Gateway gw, Runbook rb, Caller caller, PrintWriter out, PrintWriter err) throws Exception {
        String correlationId;
        try {
            correlationId = new CorrelationIds(Clock.systemUTC()).acceptOrNext(this.correlationId);
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        Origin origin = new Origin("local", "keyhole-cli", runbooksDir == null ? null : GitCommit.of(runbooksDir));
        try {
            RunResult r = gw.executor().run(new RunRequest(caller, rb, query, params, ticket, cursor, correlationId, origin));
            QuerySpec q = query == null ? rb.defaultQuery() : rb.queries().get(query);
            ResultPrinter.print(r, q.projection(), output, out, err);
            return ExitCode.OK;
        } catch (Refusal e) {
            err.println("keyhole: refused: " + e.getMessage() + " (correlation id " + correlationId + ")");
            return ExitCode.of(e.kind());
        } catch (DynamoDbException e) {
            err.println("keyhole: DynamoDB said " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage() + " (correlation id " + correlationId + ")");
            return "AccessDeniedException".equals(e.awsErrorDetails().errorCode()) ? ExitCode.DENIED : ExitCode.FAILED;
        } catch (SdkException e) {
            err.println("keyhole: failed: " + e.getMessage() + " (correlation id " + correlationId + ")");
            return ExitCode.FAILED;
        }
    }
}
