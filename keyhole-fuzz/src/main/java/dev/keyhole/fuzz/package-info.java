/**
 * Hostile-input fuzzing: a {@link dev.keyhole.fuzz.Target} takes one input and answers how keyhole behaved, or
 * throws a {@link dev.keyhole.fuzz.Finding} when an oracle is broken; a {@link dev.keyhole.fuzz.Campaign} mutates
 * a seed corpus ({@link dev.keyhole.fuzz.Mutator}, {@link dev.keyhole.fuzz.HostileText}), runs every input under a
 * {@link dev.keyhole.fuzz.Watchdog}, keeps inputs that show new behaviour, and shrinks what it finds
 * ({@link dev.keyhole.fuzz.Shrinker}). {@link dev.keyhole.fuzz.Fuzz} is the long-run command.
 */
package dev.keyhole.fuzz;
