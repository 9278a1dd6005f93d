package dev.keyhole.drift.trail;

import java.io.InputStream;
import java.util.List;

/**
 * One stream of records, e.g. standard input: JSON Lines of CloudTrail records or EventBridge events
 * (the record under {@code detail}), a {@code {"Records": [...]}} document, or gzip of either.
 */
public final class StreamSource implements TrailSource {

    private final String name;
    private final InputStream in;

    /** Reads {@code in} once; {@code name} appears in messages (e.g. {@code stdin}). */
    public StreamSource(String name, InputStream in) {
        this.name = name;
        this.in = in;
    }

    @Override
    public List<TrailFile> files() {
        return List.of(new TrailFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream openRaw() {
                return in;
            }

            @Override
            public boolean lines() {
                return true;
            }
        });
    }

    @Override
    public String describe() {
        return name;
    }
}
