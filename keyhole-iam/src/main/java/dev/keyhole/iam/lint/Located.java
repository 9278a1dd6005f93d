package dev.keyhole.iam.lint;

/**
 * A finding placed in a file.
 *
 * @param file the file as given on the command line (or a runbook's name and policy)
 * @param finding the finding
 * @param line 1-based line of the pointer's start in the file
 * @param column 1-based column
 * @param justification why it is suppressed, or {@code null} when it is not
 */
public record Located(String file, Finding finding, int line, int column, String justification) {

    /** Whether a suppression covers it. */
    public boolean suppressed() {
        return justification != null;
    }
}
