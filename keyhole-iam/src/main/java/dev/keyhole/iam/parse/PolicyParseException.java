package dev.keyhole.iam.parse;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a policy document is not valid; carries every problem found, not just the first. */
public final class PolicyParseException extends RuntimeException {

    private final transient List<PolicyProblem> problems;

    public PolicyParseException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** All problems, in document order. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
