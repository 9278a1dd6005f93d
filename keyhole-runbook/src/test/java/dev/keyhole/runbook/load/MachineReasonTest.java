package dev.keyhole.runbook.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.runbook.model.Access;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code access.ticket.machineReason}: what services may give instead of a ticket. */
class MachineReasonTest {

    private static final String RUNBOOK = """
            name: billing-orders
            description: d
            owner: o
            target:
              account: "111122223333"
              region: eu-west-1
              table: Orders
              role: arn:aws:iam::111122223333:role/keyhole-exec
            parameters:
              customerId: {type: string, required: true}
            queries:
              all:
                keyCondition: customerId = :customerId
                projection: [orderId]
            access:
              runners: [RUNNERS]
              ticket: {required: true, pattern: "^INC-[0-9]+$", machineReason: "REASON"}
            """;

    private static RunbookLoader.Result load(String runners, String reason) {
        return RunbookLoader.load("rb.yaml", RUNBOOK.replace("RUNNERS", runners).replace("REASON", reason));
    }

    private static List<String> problems(String runners, String reason) {
        return load(runners, reason).problems().stream().map(RunbookProblem::toString).toList();
    }

    @Test
    void aRunbookWithServiceRunnersKeepsTheMachineReasonPattern() {
        RunbookLoader.Result r = load("\"service:arn:aws:iam::111122223333:role/billing-worker\"", "^job-[0-9]+$");
        assertThat(r.problems()).isEmpty();
        Access a = r.runbooks().get(0).access();
        assertThat(a.machineReasonPattern()).isEqualTo("^job-[0-9]+$");
        assertThat(a.ticketPattern()).isEqualTo("^INC-[0-9]+$");
    }

    @Test
    void anInvalidPatternIsReportedWhereItIs() {
        assertThat(problems("\"service:arn:aws:iam::111122223333:role/billing-worker\"", "^job-[0-9+$"))
                .singleElement().asString().startsWith("rb.yaml:17:").contains("`access.ticket.machineReason` is an invalid pattern");
    }

    @Test
    void aMachineReasonWithoutAnyServiceRunnerIsReported() {
        assertThat(problems("group:oncall", "^job-[0-9]+$")).singleElement().asString()
                .contains("applies only to `service:` runners and this runbook has none");
    }
}
