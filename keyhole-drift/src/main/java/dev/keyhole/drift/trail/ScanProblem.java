package dev.keyhole.drift.trail;

/**
 * A file (or line) that could not be read; the scan went on without it.
 *
 * @param file where
 * @param message what was wrong, for people
 */
public record ScanProblem(String file, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
