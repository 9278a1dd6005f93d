package dev.keyhole.drift.trail;

import java.io.IOException;
import java.util.List;

/** Where CloudTrail records come from; lists the files to read. */
public interface TrailSource {

    /** The files to read, digest files and other objects already left out. */
    List<TrailFile> files() throws IOException;

    /** What it reads, for reports. */
    String describe();
}
