package dev.keyhole.drift.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.generate.TrailRecord;
import dev.keyhole.drift.generate.TrailWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailScannerTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private List<TrailEvent> scan(TrailSource source, Instant since, Instant until, List<ScanProblem> problems)
            throws IOException {
        List<TrailEvent> events = Collections.synchronizedList(new ArrayList<>());
        ScanStats stats = new TrailScanner(4, since, until, null).scan(source.files(), events::add);
        if (problems != null) {
            problems.addAll(stats.problems());
        }
        return events;
    }

    private static TrailRecord query(String id, Instant t) {
        return TrailRecord.dynamo("Query").roleSession("svc", "s").eventId(id).time(t).params("{\"tableName\":\"Orders\"}");
    }

    @Test
    void readsGzippedAndPlainFilesInDeliveryLayoutAndSkipsDigests() throws IOException {
        TrailWriter.write(dir, "111122223333", "eu-west-1", T, "A", List.of(query("gz", T)));
        Path plain = dir.resolve("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/plain.json");
        Files.writeString(plain, "{\"Records\":[" + query("plain", T).toJson() + "]}");
        Path digest = dir.resolve("AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/11/20/d.json");
        Files.createDirectories(digest.getParent());
        Files.writeString(digest, "{\"Records\":[" + query("digest", T).toJson() + "]}");

        List<TrailEvent> events = scan(new DirectorySource(dir, null, null), null, null, null);

        assertThat(events).extracting(TrailEvent::eventId).containsExactlyInAnyOrder("gz", "plain");
    }

    @Test
    void aRecordDeliveredTwiceIsScannedOnce() throws IOException {
        TrailWriter.write(dir, "111122223333", "eu-west-1", T, "A", List.of(query("same", T), query("other", T)));
        TrailWriter.write(dir, "111122223333", "eu-west-1", T.plusSeconds(300), "B", List.of(query("same", T)));

        List<TrailEvent> events = new ArrayList<>();
        ScanStats stats = new TrailScanner(1, null, null, null)
                .scan(new DirectorySource(dir, null, null).files(), events::add);

        assertThat(events).extracting(TrailEvent::eventId).containsExactlyInAnyOrder("same", "other");
        assertThat(stats.duplicates()).isEqualTo(1);
    }

    @Test
    void fieldNamesAreMatchedInAnyCase() throws IOException {
        String odd = "{\"RECORDS\":[{\"EventID\":\"e1\",\"EVENTTIME\":\"2026-11-20T10:00:00Z\","
                + "\"eventsource\":\"dynamodb.amazonaws.com\",\"EventName\":\"GetItem\",\"AWSRegion\":\"eu-west-1\","
                + "\"UserIdentity\":{\"Type\":\"IAMUser\",\"ARN\":\"arn:aws:iam::1:user/u\"},"
                + "\"RequestParameters\":{\"TableName\":\"Orders\"}}]}";
        Files.writeString(dir.resolve("odd.json"), odd);

        List<TrailEvent> events = scan(new DirectorySource(dir, null, null), null, null, null);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("GetItem");
            assertThat(e.identity().arn()).isEqualTo("arn:aws:iam::1:user/u");
            assertThat(e.parameters().get("TableName").asText()).isEqualTo("Orders");
        });
    }

    @Test
    void jsonLinesOnAStreamMayCarryEventBridgeEventsWithTheRecordUnderDetail() throws IOException {
        String lines = "{\"version\":\"0\",\"id\":\"eb-1\",\"detail-type\":\"AWS API Call via CloudTrail\","
                + "\"source\":\"aws.dynamodb\",\"detail\":" + query("from-eventbridge", T).toJson() + "}\n"
                + query("plain-line", T).toJson() + "\n";

        List<TrailEvent> events = scan(new StreamSource("stdin",
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))), null, null, null);

        assertThat(events).extracting(TrailEvent::eventId).containsExactlyInAnyOrder("from-eventbridge", "plain-line");
    }

    @Test
    void aBadLineOnAStreamCostsOnlyThatLine() throws IOException {
        String lines = query("a", T).toJson() + "\n{\"eventID\": oops\n" + query("b", T).toJson() + "\n";
        List<ScanProblem> problems = new ArrayList<>();

        List<TrailEvent> events = scan(new StreamSource("stdin",
                new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))), null, null, problems);

        assertThat(events).extracting(TrailEvent::eventId).containsExactlyInAnyOrder("a", "b");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("stdin:2"));
    }

    @Test
    void aMalformedFileIsReportedAndTheScanGoesOn() throws IOException {
        TrailWriter.write(dir, "111122223333", "eu-west-1", T, "A", List.of(query("good", T)));
        Path bad = dir.resolve("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/bad.json.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        Files.writeString(dir.resolve("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/cut.json"),
                "{\"Records\":[" + query("before-cut", T).toJson() + ",{\"eventID\":");
        List<ScanProblem> problems = new ArrayList<>();

        List<TrailEvent> events = scan(new DirectorySource(dir, null, null), null, null, problems);

        assertThat(events).extracting(TrailEvent::eventId).containsExactlyInAnyOrder("good", "before-cut");
        assertThat(problems).extracting(ScanProblem::file).anyMatch(f -> f.endsWith("bad.json.gz"))
                .anyMatch(f -> f.endsWith("cut.json"));
    }

    @Test
    void recordsOutOfTimeOrderAreAllKeptAndTheWindowIsApplied() throws IOException {
        TrailWriter.write(dir, "111122223333", "eu-west-1", T.plusSeconds(3600), "A",
                List.of(query("late", T.plusSeconds(1800)), query("early", T), query("before", T.minusSeconds(60)),
                        query("after", T.plusSeconds(7200))));
        List<TrailEvent> events = scan(new DirectorySource(dir, T, T.plusSeconds(3600)), T, T.plusSeconds(3600), null);

        assertThat(events).extracting(TrailEvent::eventId).containsExactlyInAnyOrder("late", "early");
    }

    @Test
    void dayFoldersBeforeTheWindowAreNotRead() {
        Instant since = Instant.parse("2026-11-20T12:00:00Z");
        assertThat(LogNames.mayHold("AWSLogs/1/CloudTrail/eu-west-1/2026/11/19/f.json.gz", since, null)).isFalse();
        assertThat(LogNames.mayHold("AWSLogs/1/CloudTrail/eu-west-1/2026/11/20/f.json.gz", since, null)).isTrue();
        assertThat(LogNames.mayHold("AWSLogs/1/CloudTrail/eu-west-1/2026/11/23/f.json.gz", null, since)).isFalse();
        assertThat(LogNames.isLogFile("AWSLogs/1/CloudTrail-Digest/eu-west-1/2026/11/20/f.json.gz")).isFalse();
    }

    @Test
    void otherServicesAreCountedButNotHandedOn() throws IOException {
        TrailWriter.write(dir, "111122223333", "eu-west-1", T, "A",
                List.of(query("ddb", T), new TrailRecord().source("s3.amazonaws.com").name("GetObject").eventId("s3")));
        List<TrailEvent> events = new ArrayList<>();

        ScanStats stats = new TrailScanner(2, null, null, null).scan(new DirectorySource(dir, null, null).files(), events::add);

        assertThat(events).extracting(TrailEvent::eventId).containsExactly("ddb");
        assertThat(stats.records()).isEqualTo(2);
    }
}
