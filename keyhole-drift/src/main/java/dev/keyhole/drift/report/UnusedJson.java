package dev.keyhole.drift.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.drift.privileges.UnusedReport;
import dev.keyhole.iam.parse.PolicyWriter;
import java.util.Collection;
import java.util.TreeSet;

/**
 * An unused-privileges report as one JSON document: {@code incomplete}, {@code principals} (arn, granted, used,
 * unused, resources, usedResources; sorted) and {@code proposals} (policy, customerManaged, nothingUsed,
 * attachedTo, original, narrowed). {@code privileges unused -o json} and the server's API answer it.
 */
public final class UnusedJson {

    private UnusedJson() {}

    /** The report as a tree. */
    public static ObjectNode tree(UnusedReport r) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("incomplete", r.incomplete());
        ArrayNode principals = root.putArray("principals");
        for (UnusedReport.PrincipalUsage p : r.principals()) {
            ObjectNode o = principals.addObject().put("arn", p.arn());
            strings(o.putArray("granted"), p.granted());
            strings(o.putArray("used"), p.used());
            strings(o.putArray("unused"), p.unused());
            strings(o.putArray("resources"), p.resources());
            strings(o.putArray("usedResources"), p.usedResources());
        }
        ArrayNode proposals = root.putArray("proposals");
        for (UnusedReport.Proposal p : r.proposals()) {
            ObjectNode o = proposals.addObject().put("policy", p.policy()).put("customerManaged", p.customerManaged())
                    .put("nothingUsed", p.nothingUsed());
            strings(o.putArray("attachedTo"), p.attachedTo());
            o.set("original", PolicyWriter.toTree(p.original()));
            o.set("narrowed", p.nothingUsed() ? null : PolicyWriter.toTree(p.narrowed()));
        }
        return root;
    }

    private static void strings(ArrayNode into, Collection<String> values) {
        new TreeSet<>(values).forEach(into::add);
    }
}
