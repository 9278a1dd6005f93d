package dev.keyhole.drift.trail;

import java.util.List;

/**
 * What a scan read.
 *
 * @param files files read (including those with problems)
 * @param records CloudTrail records seen, any service
 * @param dynamoDbEvents DynamoDB records handed on (after duplicates and the time window)
 * @param duplicates records dropped because their {@code eventID} was seen before
 * @param outsideWindow DynamoDB records outside {@code --since}/{@code --until}
 * @param problems files or lines that could not be read, or records without a readable time
 */
public record ScanStats(int files, long records, long dynamoDbEvents, long duplicates, long outsideWindow,
                        List<ScanProblem> problems) {

    public ScanStats {
        problems = List.copyOf(problems);
    }
}
