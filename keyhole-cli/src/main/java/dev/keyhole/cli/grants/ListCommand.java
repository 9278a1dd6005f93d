package dev.keyhole.cli.grants;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.grants.Grant;
import dev.keyhole.gateway.grants.Grants;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyhole grants list [--state S] [--requester U] [--runbook R] [--review]}; marks lapsed grants expired first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List grants, newest first.")
final class ListCommand extends GrantAction {

    @Option(names = "--requester", paramLabel = "USER") String requester;
    @Option(names = "--runbook", paramLabel = "NAME") String runbook;
    @Option(names = "--state", paramLabel = "STATE", description = "pending, active, denied, revoked or expired.") String state;
    @Option(names = "--review", description = "Only self-service exceptions, which need review afterwards.") boolean review;

    @Override
    Grant act(KeyholeConfig cfg, Grants grants, Caller who, PrintWriter out) {
        grants.sweep();
        for (Grant g : grants.list(requester, runbook)) {
            Grant.State now = grants.stateNow(g);
            if ((state == null || now.word().equals(state)) && (!review || g.selfService())) {
                out.println(GrantLines.describe(g, now));
            }
        }
        return null;
    }
}
