package dev.keyhole.cli.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.runbook.model.Runbook;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keyhole access who-can RUNBOOK}. */
@Command(name = "who-can", mixinStandardHelpOptions = true, description = "Who may run RUNBOOK now, why, and until when.")
final class WhoCanCommand extends AccessQuery {

    @Parameters(index = "0", paramLabel = "RUNBOOK")
    String runbook;

    @Override
    List<AccessReport.Cell> cells(AccessReport report, List<Runbook> runbooks, List<Caller> people) {
        List<Runbook> one = runbooks.stream().filter(r -> r.name().equals(runbook)).toList();
        if (one.isEmpty()) {
            spec.commandLine().getErr().println("keyhole: no runbook `" + runbook + "`");
            return null;
        }
        return report.matrix(people, one);
    }
}
