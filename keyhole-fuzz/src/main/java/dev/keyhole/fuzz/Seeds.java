package dev.keyhole.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's seed corpus: the resource {@code seeds/<target>.txt} beside this class, entries separated by a line
 * holding only {@code %%%%}. Text, because every seed is a valid or near-valid document a reviewer can read.
 */
public final class Seeds {

    private static final String SEPARATOR = "\n%%%%\n";

    private Seeds() {}

    /** The seeds of {@code target}, as UTF-8 bytes. */
    public static List<byte[]> of(String target) {
        try (InputStream in = Seeds.class.getResourceAsStream("seeds/" + target + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no seed corpus for target `" + target + "`");
            }
            List<byte[]> out = new ArrayList<>();
            for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(SEPARATOR)) {
                out.add(entry.getBytes(StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
