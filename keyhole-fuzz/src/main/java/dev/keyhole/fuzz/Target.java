package dev.keyhole.fuzz;

import java.util.List;

/**
 * One surface of keyhole under fuzzing. {@link #run} feeds it one input and returns a short signature of how it
 * behaved (e.g. {@code 400 ValidationException}), which the campaign uses to keep inputs that show something new;
 * it throws a {@link Finding} when an oracle is broken. Any other exception escaping {@code run} is a crash: the
 * target has already turned every documented rejection into a signature.
 */
public interface Target extends AutoCloseable {

    /** The name {@code --target} selects, also the corpus directory. */
    String name();

    /** Valid and near-valid inputs mutation starts from. */
    List<byte[]> seeds();

    /** Fragments the mutator splices in: keywords, operators, field names of this surface. */
    List<String> dictionary();

    /** Feeds {@code input}; returns a behaviour signature, or throws {@link Finding}. */
    String run(byte[] input) throws Exception;

    @Override
    default void close() {}
}
