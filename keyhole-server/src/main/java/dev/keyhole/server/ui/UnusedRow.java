package dev.keyhole.server.ui;

import dev.keyhole.drift.privileges.UnusedReport;
import java.util.TreeSet;

/**
 * One principal of the unused-privileges report as the drift page lists it.
 *
 * @param arn the user or role
 * @param granted how many DynamoDB actions its policies allow
 * @param used how many of them it used
 * @param unused the actions it never used, sorted, without the {@code dynamodb:} prefix
 */
record UnusedRow(String arn, int granted, int used, String unused) {

    static UnusedRow of(UnusedReport.PrincipalUsage p) {
        return new UnusedRow(p.arn(), p.granted().size(), p.used().size(),
                String.join(", ", new TreeSet<>(p.unused()).stream().map(a -> a.substring(a.indexOf(':') + 1)).toList()));
    }
}
