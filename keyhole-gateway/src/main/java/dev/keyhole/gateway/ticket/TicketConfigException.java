package dev.keyhole.gateway.ticket;

import java.util.List;

/** The {@code tickets:} section of keyhole.yaml is wrong; {@link #problems()} lists every problem found. */
public final class TicketConfigException extends IllegalArgumentException {

    private final List<String> problems;

    TicketConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in `tickets`:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on one line, naming the field path (e.g. {@code tickets.jira.baseUrl}) and the fix. */
    public List<String> problems() {
        return problems;
    }
}
