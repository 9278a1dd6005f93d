package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The README's first command, `keyhole demo`, runs keyhole end to end and shows least privilege. */
class DemoCommandTest {

    @Test
    void theDemoRunsARunbookAndTheMintedCredentialsCanDoNothingElse() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                "--runbooks", "../examples/runbooks", "--iam", "../examples/local/iam.yaml");
        String text = out.toString();
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(text).contains("seeded tables Customers, Orders, Payments")
                .contains("customerId  orderId")
                .contains("C-1001")
                .doesNotContain("ALLOWED (unexpected)")
                .contains("without a ticket: runbook `orders-by-customer` needs a ticket")
                .contains("bob:              `bob` may not run runbook `orders-by-customer`");
        assertThat(text.split("AccessDeniedException", -1)).hasSize(6);
    }
}
