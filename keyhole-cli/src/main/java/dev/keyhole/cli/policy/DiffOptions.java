package dev.keyhole.cli.policy;

import picocli.CommandLine.Option;

/** The flags both "no new access" commands take: the search bound and the output format. */
public final class DiffOptions {

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "2000000",
            description = "Stop a search after deciding this many requests (default: ${DEFAULT-VALUE}).")
    long maxEvaluations;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    /** The search bound. */
    public long maxEvaluations() {
        return maxEvaluations;
    }

    /** Whether JSON was asked for. */
    public boolean json() {
        return format.equals("json");
    }

    /** A message for people when a flag is wrong, else {@code null}. */
    public String invalid() {
        if (!format.equals("text") && !format.equals("json")) {
            return "--format must be text or json";
        }
        return maxEvaluations < 1 ? "--max-evaluations must be at least 1" : null;
    }
}
