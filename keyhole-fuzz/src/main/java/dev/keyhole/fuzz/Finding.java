package dev.keyhole.fuzz;

/** An oracle broken by one input: a 5xx, a rejection without a message, a state change on rejection, a crash or a hang. */
public final class Finding extends RuntimeException {

    /** What kind of oracle broke; the shrinker keeps an input only while it breaks the same kind. */
    public enum Kind { CRASH, SERVER_ERROR, BAD_REJECTION, STATE_CHANGED, HANG, WRONG_ANSWER }

    private final Kind kind;

    public Finding(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Finding(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A crash: {@code e} escaped the target although it is none of the documented rejection types. */
    public static Finding crash(Throwable e) {
        return new Finding(Kind.CRASH, "uncaught " + e.getClass().getName() + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return kind + ": " + getMessage();
    }
}
