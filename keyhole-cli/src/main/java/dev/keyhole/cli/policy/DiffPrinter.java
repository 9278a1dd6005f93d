package dev.keyhole.cli.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.iam.diff.DiffResult;
import dev.keyhole.iam.diff.Witness;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints one "no new access" answer for people (with the {@code keyhole policy simulate} lines that
 * confirm a witness) or as JSON, and gives its exit code: 0 no new access, 3 new access, 1 when the
 * search hit its bound without an answer.
 */
public final class DiffPrinter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiffPrinter() {}

    /** The exit code for an answer. */
    public static int exitCode(DiffResult r) {
        return r.newAccess() ? ExitCode.DENIED : r.boundHit() ? ExitCode.FAILED : ExitCode.OK;
    }

    /** Text for people; {@code oldFlags} and {@code newFlags} are the simulate flags naming each side's policies. */
    public static void text(PrintWriter out, String label, DiffResult r, List<String> oldFlags, List<String> newFlags,
                            long millis) {
        String prefix = label == null ? "" : label + ": ";
        if (r.witness().isPresent()) {
            Witness w = r.witness().get();
            out.println(prefix + "NEW ACCESS: " + w.describe());
            out.println("  confirm (Allow, exit 0):  " + command(w, newFlags));
            out.println("  and     (denied, exit 3): " + command(w, oldFlags));
        } else if (r.boundHit()) {
            out.println(prefix + "undecided: the search stopped at its bound of " + r.evaluated() + " of " + r.space()
                    + " requests without finding new access; raise --max-evaluations");
        } else {
            out.println(prefix + "no new access");
        }
        out.println("  searched " + r.evaluated() + " of " + r.space() + " request(s) in " + millis + " ms");
    }

    /** {@code {"label", "newAccess", "witness": {"request", "simulate"}, "evaluated", "space", "boundHit"}}. */
    public static ObjectNode json(String label, DiffResult r, List<String> newFlags, long millis) {
        ObjectNode o = NODES.objectNode();
        if (label != null) {
            o.put("label", label);
        }
        o.put("newAccess", r.newAccess());
        r.witness().ifPresent(w -> {
            ObjectNode wn = o.putObject("witness");
            wn.set("request", w.requestJson());
            ArrayNode args = wn.putArray("simulate");
            simulateArgs(w, newFlags).forEach(args::add);
        });
        o.put("evaluated", r.evaluated());
        o.put("space", r.space());
        o.put("boundHit", r.boundHit());
        o.put("millis", millis);
        return o;
    }

    private static List<String> simulateArgs(Witness w, List<String> policyFlags) {
        List<String> args = new ArrayList<>(List.of("policy", "simulate"));
        args.addAll(w.simulateArgs());
        args.addAll(policyFlags);
        return args;
    }

    private static String command(Witness w, List<String> policyFlags) {
        StringBuilder sb = new StringBuilder("keyhole");
        for (String a : simulateArgs(w, policyFlags)) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
