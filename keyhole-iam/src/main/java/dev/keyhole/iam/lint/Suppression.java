package dev.keyhole.iam.lint;

/**
 * An accepted finding: a check, optionally narrowed to a file (a glob) and a pointer prefix, and why.
 *
 * @param check the check id
 * @param file a glob on the file name ({@code *} and {@code ?}), or {@code null} for every file
 * @param pointer a JSON pointer; findings at it or below it are covered; {@code null} for anywhere
 * @param justification why the finding is acceptable; required
 */
public record Suppression(String check, String file, String pointer, String justification) {

    /** Whether this suppression covers the finding. */
    public boolean covers(String findingFile, Finding f) {
        return f.check().id().equals(check)
                && (file == null || dev.keyhole.iam.catalog.Wildcards.matches(file, findingFile, false)
                        || dev.keyhole.iam.catalog.Wildcards.matches("*/" + file, findingFile, false))
                && (pointer == null || f.pointer().equals(pointer) || f.pointer().startsWith(pointer + "/"));
    }
}
