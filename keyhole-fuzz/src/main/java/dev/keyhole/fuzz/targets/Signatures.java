package dev.keyhole.fuzz.targets;

/** Behaviour signatures: a rejection message with its user-supplied parts blanked, so each kind counts once. */
final class Signatures {

    private Signatures() {}

    /** {@code message} without quoted input, numbers and anything past 80 characters. */
    static String of(String message) {
        String m = message.replaceAll("`[^`]*`|\"[^\"]*\"|'[^']*'|[0-9]+", "_");
        return m.substring(0, Math.min(80, m.length()));
    }
}
