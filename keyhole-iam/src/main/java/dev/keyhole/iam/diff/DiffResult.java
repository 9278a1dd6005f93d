package dev.keyhole.iam.diff;

import java.util.Optional;

/**
 * The answer of one comparison.
 *
 * @param witness a request the new policies allow and the old ones do not; empty when none was found
 * @param evaluated how many requests were decided (each against both sides at most)
 * @param space how many requests the full search would decide
 * @param boundHit whether the search stopped at its bound before covering the space, so an empty
 *     witness means "none found within the bound" rather than "no new access"
 */
public record DiffResult(Optional<Witness> witness, long evaluated, long space, boolean boundHit) {

    /** Whether the new policies grant something the old ones do not. */
    public boolean newAccess() {
        return witness.isPresent();
    }
}
