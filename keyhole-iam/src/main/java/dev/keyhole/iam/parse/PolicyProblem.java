package dev.keyhole.iam.parse;

/**
 * One thing wrong with a policy document.
 *
 * @param pointer where, as a JSON pointer (RFC 6901) into the document; empty for the whole document
 * @param message what is wrong and, where there is one, the fix; lowercase, for people
 */
public record PolicyProblem(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
