package dev.keyhole.drift.trail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stored objects are CloudTrail log files, and which may hold records of a time window.
 *
 * <p>CloudTrail delivers {@code AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz}
 * and digest files under {@code CloudTrail-Digest/}
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-find-log-files.html,
 * cloudtrail-log-file-examples.html). A file delivered on day D holds only records written before its
 * delivery, so a day folder before the window's first day is skipped; a late file can hold older
 * records, so folders after the window are skipped only from two days on.
 */
public final class LogNames {

    private static final Pattern DAY = Pattern.compile("(?:^|/)(\\d{4})/(\\d{2})/(\\d{2})/");

    private LogNames() {}

    /** Whether the object at {@code path} is a log file to read (not a digest, an Insights file or anything else). */
    public static boolean isLogFile(String path) {
        String p = path.replace('\\', '/');
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.contains("cloudtrail-digest") || lower.contains("cloudtrail-insight")) {
            return false;
        }
        return lower.endsWith(".json.gz") || lower.endsWith(".json") || lower.endsWith(".jsonl")
                || lower.endsWith(".jsonl.gz");
    }

    /** Whether a file at {@code path} may hold records in [{@code since}, {@code until}); nulls are open ends. */
    public static boolean mayHold(String path, Instant since, Instant until) {
        Matcher m = DAY.matcher(path.replace('\\', '/'));
        LocalDate day = null;
        while (m.find()) {
            try {
                day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                day = null;
            }
        }
        if (day == null) {
            return true;
        }
        if (since != null && day.isBefore(since.atOffset(ZoneOffset.UTC).toLocalDate())) {
            return false;
        }
        return until == null || !day.isAfter(until.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
    }
}
