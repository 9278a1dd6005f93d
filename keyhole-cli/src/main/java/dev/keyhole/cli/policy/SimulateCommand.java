package dev.keyhole.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.TraceStep;
import dev.keyhole.iam.simulate.CaseException;
import dev.keyhole.iam.simulate.CaseReader;
import dev.keyhole.iam.simulate.DecisionJson;
import dev.keyhole.iam.simulate.SimulationCase;
import dev.keyhole.iam.simulate.Simulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyhole policy simulate}: decides requests against policies exactly as IAM would.
 *
 * <p>With {@code --cases FILE} it reads JSON Lines (one case a line) and writes one JSON line per
 * case; a malformed case gets a line with {@code error} and the rest go on. Without it, one case is
 * built from flags.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Decide requests against IAM policies as AWS would, with the deciding statement.",
            "Batch: --cases FILE (JSON Lines, `-` for stdin) writes one JSON line per case;"
                + " exit 2 when any case could not be evaluated.",
            "Single: --action, --resource, --principal and policy files; exit 0 allowed, 3 denied."})
public final class SimulateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cases", paramLabel = "FILE", description = "JSON Lines file of cases, or `-` for stdin.")
    String cases;

    @Option(names = "--action", description = "The IAM action, e.g. dynamodb:Query.")
    String action;

    @Option(names = "--resource", description = "The resource ARN (default `*`).", defaultValue = "*")
    String resource;

    @Option(names = "--principal", paramLabel = "ARN", description = "The caller's ARN.")
    String principal;

    @Option(names = "--principal-type", paramLabel = "TYPE",
            description = "User, AssumedRole, Role, FederatedUser, Root, Service or Anonymous (default: from the ARN).")
    String principalType;

    @Option(names = "--principal-id", paramLabel = "ID", description = "The caller's unique id (aws:userid).")
    String principalId;

    @Option(names = "--principal-tag", paramLabel = "KEY=VALUE", description = "A principal tag; repeatable.")
    Map<String, String> principalTags = Map.of();

    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "A single-valued context key; repeatable.")
    List<String> context = List.of();

    @Option(names = "--context-set", paramLabel = "KEY=V1,V2",
            description = "A multivalued context key (comma-separated; empty for an empty set); repeatable.")
    List<String> contextSets = List.of();

    @Option(names = {"-i", "--identity-policy"}, paramLabel = "FILE", description = "An identity-based policy; repeatable.")
    List<Path> identityPolicies = List.of();

    @Option(names = "--permissions-boundary", paramLabel = "FILE", description = "The permissions boundary.")
    Path boundary;

    @Option(names = "--session-policy", paramLabel = "FILE", description = "The session policy.")
    Path sessionPolicy;

    @Option(names = "--resource-policy", paramLabel = "FILE", description = "The resource-based policy.")
    Path resourcePolicy;

    @Option(names = "--explain", description = "Print the decision and its trace for people instead of JSON.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cases != null) {
            if (action != null || principal != null) {
                err.println("keyhole: use either --cases or the single-case flags, not both");
                return ExitCode.INVALID_INPUT;
            }
            return batch(out, err);
        }
        if (action == null || principal == null) {
            err.println("keyhole: give --cases FILE, or --action and --principal for a single case; see --help");
            return ExitCode.INVALID_INPUT;
        }
        SimulationCase c;
        Decision d;
        try {
            c = CaseReader.read(singleCase());
            d = Simulator.evaluate(c);
        } catch (CaseException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } catch (NoSuchFileException e) {
            err.println("keyhole: no such file `" + e.getFile() + "`");
            return ExitCode.INVALID_INPUT;
        }
        if (explain) {
            printExplained(out, c, d);
        } else {
            out.println(JSON.writeValueAsString(DecisionJson.write(null, d)));
        }
        return d.allowed() ? ExitCode.OK : ExitCode.DENIED;
    }

    private int batch(PrintWriter out, PrintWriter err) throws IOException {
        int failed = 0;
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(open(cases))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode name = null;
                try {
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (IOException e) {
                        throw new CaseException("line " + lineNo + " is not valid JSON");
                    }
                    name = node.get("name");
                    SimulationCase c = CaseReader.read(node);
                    Decision d = Simulator.evaluate(c);
                    out.println(JSON.writeValueAsString(DecisionJson.write(c.name(), d)));
                } catch (CaseException e) {
                    failed++;
                    out.println(JSON.writeValueAsString(DecisionJson.error(name, "line " + lineNo + ": "
                            + e.getMessage().replaceFirst("^line \\d+ ", ""))));
                }
            }
        } catch (NoSuchFileException e) {
            err.println("keyhole: no such file `" + e.getFile() + "`");
            return ExitCode.INVALID_INPUT;
        }
        out.flush();
        if (failed > 0) {
            err.println("keyhole: " + failed + " case(s) could not be evaluated; see their `error`");
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.OK;
    }

    private Reader open(String file) throws IOException {
        if (file.equals("-")) {
            return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }

    private ObjectNode singleCase() throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode c = f.objectNode();
        ObjectNode req = c.putObject("request");
        req.put("action", action);
        req.put("resource", resource);
        ObjectNode p = req.putObject("principal");
        p.put("arn", principal);
        if (principalType != null) {
            p.put("type", principalType);
        }
        if (principalId != null) {
            p.put("id", principalId);
        }
        ObjectNode tags = p.putObject("tags");
        principalTags.forEach(tags::put);
        ObjectNode ctx = req.putObject("context");
        for (String kv : context) {
            String[] parts = keyValue(kv, "--context");
            ctx.put(parts[0], parts[1]);
        }
        for (String kv : contextSets) {
            String[] parts = keyValue(kv, "--context-set");
            ArrayNode arr = ctx.putArray(parts[0]);
            if (!parts[1].isEmpty()) {
                for (String v : parts[1].split(",", -1)) {
                    arr.add(v);
                }
            }
        }
        ArrayNode ids = c.putArray("identityPolicies");
        for (Path file : identityPolicies) {
            ids.add(readPolicy(file));
        }
        putPolicy(c, "permissionsBoundary", boundary);
        putPolicy(c, "sessionPolicy", sessionPolicy);
        putPolicy(c, "resourcePolicy", resourcePolicy);
        return c;
    }

    private static String[] keyValue(String kv, String flag) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new CaseException(flag + " takes KEY=VALUE, not `" + kv + "`");
        }
        return new String[] {kv.substring(0, eq), kv.substring(eq + 1)};
    }

    private static void putPolicy(ObjectNode c, String field, Path file) throws IOException {
        if (file != null) {
            c.set(field, readPolicy(file));
        }
    }

    private static JsonNode readPolicy(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new CaseException("`" + file + "` is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static void printExplained(PrintWriter out, SimulationCase c, Decision d) {
        out.println("request:  " + c.request().principal().arn() + " → " + c.request().action()
                + " on " + c.request().resource());
        out.println("decision: " + d.outcome().label());
        out.println("reason:   " + d.explain().substring(d.explain().indexOf(':') + 2));
        out.println("trace:");
        List<TraceStep> steps = new ArrayList<>(d.trace());
        for (TraceStep s : steps) {
            out.println("  " + s);
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }
}
