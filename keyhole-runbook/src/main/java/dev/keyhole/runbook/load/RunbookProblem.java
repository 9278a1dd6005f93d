package dev.keyhole.runbook.load;

import dev.keyhole.runbook.yaml.Location;

/**
 * One thing wrong with a runbook file.
 *
 * @param location where, as file:line:column
 * @param message what is wrong and how to fix it, for people
 */
public record RunbookProblem(Location location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
