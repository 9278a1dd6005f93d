package dev.keyhole.drift.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.classify.Finding;
import dev.keyhole.drift.trail.ScanProblem;
import java.io.IOException;
import java.io.Writer;

/**
 * The report as one JSON document: {@code source}, {@code since}, {@code until}, {@code scan}
 * (files, records, dynamoDbEvents, duplicates, outsideWindow, problems), {@code counts} by
 * classification, {@code highestSeverity} and {@code findings}. The server's API answers with the same shapes.
 */
public final class JsonReport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    static void write(DriftReport r, Writer out) throws IOException {
        JSON.writeValue(new NoClose(out), tree(r));
        out.write("\n");
    }

    /** The whole report as a tree. */
    public static ObjectNode tree(DriftReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", r.source());
        root.put("since", r.since() == null ? null : r.since().toString());
        root.put("until", r.until() == null ? null : r.until().toString());
        ObjectNode scan = root.putObject("scan");
        scan.put("files", r.stats().files());
        scan.put("records", r.stats().records());
        scan.put("dynamoDbEvents", r.stats().dynamoDbEvents());
        scan.put("duplicates", r.stats().duplicates());
        scan.put("outsideWindow", r.stats().outsideWindow());
        ArrayNode problems = scan.putArray("problems");
        for (ScanProblem p : r.stats().problems()) {
            problems.addObject().put("file", p.file()).put("message", p.message());
        }
        ObjectNode counts = root.putObject("counts");
        r.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        root.put("highestSeverity", r.highest().map(s -> s.word()).orElse(null));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            findings.add(finding(f));
        }
        return root;
    }

    /** One finding as a JSON object (also SARIF results' {@code properties}). */
    public static ObjectNode finding(Finding f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", f.kind().id());
        o.put("severity", f.severity().word());
        o.put("principal", f.principal());
        o.put("sourceIdentity", f.sourceIdentity());
        o.put("action", f.action());
        o.put("resource", f.resource());
        o.put("region", f.region());
        o.put("count", f.count());
        o.put("first", String.valueOf(f.first()));
        o.put("last", String.valueOf(f.last()));
        ArrayNode ids = o.putArray("eventIds");
        f.eventIds().forEach(ids::add);
        o.put("reason", f.reason());
        return o;
    }

    /** Jackson closes what it writes to; the caller owns {@code out}. */
    static final class NoClose extends java.io.FilterWriter {
        NoClose(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
