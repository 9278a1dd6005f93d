package dev.keyhole.runbook.yaml;

/**
 * Where a node starts in a source file (1-based line and column).
 *
 * @param file the file as given by the caller (usually relative to the runbook directory)
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
