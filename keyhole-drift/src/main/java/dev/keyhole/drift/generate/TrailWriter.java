package dev.keyhole.drift.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes records as a trail delivers them: gzipped {@code {"Records": [...]}} files at
 * {@code AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz}
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html).
 */
public final class TrailWriter {

    private TrailWriter() {}

    /** The key of a log file delivered at {@code delivered}, under {@code prefix} (may be empty). */
    public static String key(String prefix, String account, String region, Instant delivered, String unique) {
        ZonedDateTime t = delivered.atZone(ZoneOffset.UTC);
        return (prefix.isEmpty() ? "" : prefix + "/") + "AWSLogs/" + account + "/CloudTrail/" + region + "/"
                + String.format("%04d/%02d/%02d/", t.getYear(), t.getMonthValue(), t.getDayOfMonth())
                + account + "_CloudTrail_" + region + "_"
                + String.format("%04d%02d%02dT%02d%02dZ", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute()) + "_" + unique + ".json.gz";
    }

    /** Writes one delivered file under {@code root}; returns its path. */
    public static Path write(Path root, String account, String region, Instant delivered, String unique,
                             List<TrailRecord> records) throws IOException {
        Path file = root.resolve(key("", account, region, delivered, unique));
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            writeRecords(out, records);
        }
        return file;
    }

    /** Writes {@code {"Records": [...]}} to {@code out}. */
    public static void writeRecords(OutputStream out, List<TrailRecord> records) throws IOException {
        try (JsonGenerator g = TrailRecord.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (TrailRecord r : records) {
                r.write(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
