package dev.keyhole.drift;

/** Told how far a scan is, in stored bytes of files read; the CLI draws a bar with it on a terminal. */
public interface Progress {

    /** The scan is about to read {@code files} files of {@code totalBytes} bytes in all. */
    void start(int files, long totalBytes);

    /** One more file of {@code bytes} bytes is read. Called from the scan's threads. */
    void advance(long bytes);

    /** The scan is over. */
    void done();

    /** Tells nobody. */
    static Progress none() {
        return new Progress() {
            @Override
            public void start(int files, long totalBytes) { }

            @Override
            public void advance(long bytes) { }

            @Override
            public void done() { }
        };
    }
}
