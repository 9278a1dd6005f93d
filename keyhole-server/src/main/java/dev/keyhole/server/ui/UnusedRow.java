package dev.keyhole.server.ui;

import dev.keyhole.drift.privileges.UnusedReport;
import java.util.TreeSet;

/**
 * One principal of the unused-privileges report as the drift page lists it.
 *
 * @param arn the user or role
 * @param granted how many DynamoDB actions its policies allow
 * @param used how many of them it used
 * @param unusedCount how many actions it never used
 * @param unused those actions, sorted, without the {@code dynamodb:} prefix
 */
record UnusedRow(String arn, int granted, int used, int unusedCount, String unused) {

    /** More unused actions than this are folded away, so one {@code dynamodb:*} grant does not fill the page. */
    static final int SHOWN = 8;

    boolean folded() {
        return unusedCount > SHOWN;
    }

    static UnusedRow of(UnusedReport.PrincipalUsage p) {
        return new UnusedRow(p.arn(), p.granted().size(), p.used().size(), p.unused().size(),
                String.join(", ", new TreeSet<>(p.unused()).stream().map(a -> a.substring(a.indexOf(':') + 1)).toList()));
    }
}
