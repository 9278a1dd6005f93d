package dev.keyhole.cli.privileges;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keyhole.drift.privileges.UnusedReport;
import dev.keyhole.drift.report.UnusedJson;
import dev.keyhole.iam.parse.PolicyWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;

/** Prints an unused-privileges report as a table or JSON. */
final class UnusedPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UnusedPrinter() {}

    static void table(UnusedReport r, PrintWriter out) {
        if (r.principals().isEmpty()) {
            out.println("no principal is allowed any DynamoDB action");
            return;
        }
        out.printf("%-60s %7s %5s %7s  %s%n", "PRINCIPAL", "GRANTED", "USED", "UNUSED", "UNUSED ACTIONS");
        for (UnusedReport.PrincipalUsage p : r.principals()) {
            List<String> unused = new TreeSet<>(p.unused()).stream().map(a -> a.substring("dynamodb:".length())).toList();
            String shown = unused.size() > 8 ? String.join(", ", unused.subList(0, 8)) + ", ... (" + unused.size() + ")"
                    : String.join(", ", unused);
            out.printf("%-60s %7d %5d %7d  %s%n", p.arn(), p.granted().size(), p.used().size(), p.unused().size(), shown);
        }
        for (UnusedReport.Proposal p : r.proposals()) {
            out.println();
            out.println("policy " + p.policy() + " (" + (p.customerManaged() ? "customer managed" : "not writable by prune")
                    + "; narrowed to the use of " + String.join(", ", p.attachedTo()) + "):");
            out.println(p.nothingUsed() ? "  nothing it grants in DynamoDB was used: detach it"
                    : PolicyWriter.writePretty(p.narrowed()).indent(2).stripTrailing());
        }
    }

    static void json(UnusedReport r, PrintWriter out) throws IOException {
        out.println(JSON.writeValueAsString(UnusedJson.tree(r)));
    }
}
