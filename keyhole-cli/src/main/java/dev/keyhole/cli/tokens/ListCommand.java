package dev.keyhole.cli.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.identity.ApiTokens;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyhole tokens list [USER] [-o table|json]}: ids, owners, names, dates and status; never a secret. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List API tokens (never their secrets).")
final class ListCommand extends TokenAction {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "USER", description = "Only this user's tokens.")
    String user;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    String output;

    @Override
    String problem(KeyholeConfig cfg) {
        return output.equals("table") || output.equals("json") ? null : "--output must be table or json, not `" + output + "`";
    }

    @Override
    int act(KeyholeConfig cfg, ApiTokens tokens, PrintWriter out, PrintWriter err) throws Exception {
        List<ApiTokens.TokenInfo> found = tokens.list(user);
        Instant now = Instant.now();
        if (output.equals("json")) {
            ArrayNode all = JSON.createArrayNode();
            for (ApiTokens.TokenInfo t : found) {
                all.addObject().put("id", t.id()).put("user", t.user()).put("name", t.name())
                        .put("created", t.created().toString()).put("expires", t.expires().toString())
                        .put("revoked", t.revoked() == null ? null : t.revoked().toString())
                        .put("status", status(t, now).toLowerCase(Locale.ROOT));
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            return ExitCode.OK;
        }
        if (found.isEmpty()) {
            err.println("no tokens" + (user == null ? "" : " for " + user) + "; create one with `keyhole tokens create USER`");
            return ExitCode.OK;
        }
        int userWidth = Math.max(4, found.stream().mapToInt(t -> t.user().length()).max().orElse(0));
        int nameWidth = Math.max(4, found.stream().mapToInt(t -> t.name().length()).max().orElse(0));
        String row = "%-12s  %-" + userWidth + "s  %-" + nameWidth + "s  %-20s  %-20s  %s%n";
        out.printf(row, "ID", "USER", "NAME", "CREATED", "EXPIRES", "STATUS");
        for (ApiTokens.TokenInfo t : found) {
            out.printf(row, t.id(), t.user(), t.name(), t.created().truncatedTo(ChronoUnit.SECONDS),
                    t.expires().truncatedTo(ChronoUnit.SECONDS), status(t, now));
        }
        return ExitCode.OK;
    }

    private static String status(ApiTokens.TokenInfo t, Instant now) {
        return t.revoked() != null ? "REVOKED" : t.liveAt(now) ? "ACTIVE" : "EXPIRED";
    }
}
