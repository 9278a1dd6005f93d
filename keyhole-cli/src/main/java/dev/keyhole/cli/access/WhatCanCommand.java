package dev.keyhole.cli.access;

import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.access.AccessReport;
import dev.keyhole.runbook.model.Runbook;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keyhole access what-can PRINCIPAL}. */
@Command(name = "what-can", mixinStandardHelpOptions = true, description = "What PRINCIPAL may run now, why, and until when.")
final class WhatCanCommand extends AccessQuery {

    @Parameters(index = "0", paramLabel = "PRINCIPAL")
    String principal;

    @Override
    List<AccessReport.Cell> cells(AccessReport report, List<Runbook> runbooks, List<Caller> people) {
        Caller who = people.stream().filter(p -> p.name().equals(principal)).findFirst()
                .orElse(new Caller(principal, java.util.Set.of()));
        return report.matrix(List.of(who), runbooks);
    }
}
