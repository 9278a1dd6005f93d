package dev.keyhole.drift;

import dev.keyhole.drift.classify.KeyholeSession;
import dev.keyhole.drift.classify.SessionLookup;
import dev.keyhole.drift.generate.Scenario;
import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.model.Runbook;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The test runbooks and the scenario's audit log. */
public final class Fixtures {

    private Fixtures() {}

    /** The scenario's runbooks, loaded; fails on any problem. */
    public static List<Runbook> runbooks() {
        List<Runbook> out = new java.util.ArrayList<>();
        Scenario.RUNBOOKS.forEach((file, text) -> {
            RunbookLoader.Result r = RunbookLoader.load(file, text);
            if (!r.ok()) {
                throw new IllegalStateException(r.problems().toString());
            }
            out.addAll(r.runbooks());
        });
        return out;
    }

    /** The scenario written under {@code dir} and scanned against its runbooks and audit log. */
    public static dev.keyhole.drift.classify.DriftReport scenarioReport(java.nio.file.Path dir) throws java.io.IOException {
        Scenario.write(dir);
        return DriftScan.run(new dev.keyhole.drift.trail.DirectorySource(dir, null, null), runbooks(), scenarioSessions(),
                DriftScan.Options.defaults());
    }

    /** The scenario's runs, as an in-memory audit log. */
    public static SessionLookup scenarioSessions() {
        Map<String, KeyholeSession> byId = Scenario.sessions().stream()
                .collect(Collectors.toMap(KeyholeSession::correlationId, s -> s));
        return id -> Optional.ofNullable(byId.get(id));
    }
}
