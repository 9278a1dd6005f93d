package dev.keyhole.gateway.grants;

/** Tells people that a grant changed. Never throws: a notification that fails must not undo a decision. */
public interface Notifier {

    /** Announces {@code event} ("requested", "approved", ...) of {@code grant}. */
    void notify(String event, Grant grant);

    /** Tells nobody. */
    Notifier NONE = (event, grant) -> { };
}
