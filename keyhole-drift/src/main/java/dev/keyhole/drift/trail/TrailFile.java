package dev.keyhole.drift.trail;

import java.io.IOException;
import java.io.InputStream;

/** One unit of CloudTrail input: a delivered log file, an S3 object or a stream of JSON Lines. */
public interface TrailFile {

    /** Where it is, for messages. */
    String name();

    /** Its stored size in bytes (compressed when gzipped), or -1 when unknown; drives the progress bar. */
    long size();

    /** Its content, raw as stored; gzip is detected from the content, not the name. */
    InputStream openRaw() throws IOException;

    /** Whether it is JSON Lines to read line by line (a stream), rather than one JSON document. */
    default boolean lines() {
        return false;
    }
}
