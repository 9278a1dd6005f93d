package dev.keyhole.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Byte-level mutations of one input, stacked one to four deep: bit flips, interesting bytes, deletions,
 * duplications, truncation, splices with another corpus entry, and insertions of dictionary words or
 * {@link HostileText}. Inserted text is written as UTF-8 or, to smuggle lone surrogates and NUL through text
 * formats, as JSON {@code \\u} escapes.
 */
final class Mutator {

    private static final byte[] INTERESTING = {0, -1, 0x7f, -128, '"', '\\', '{', '}', '[', ']', ':', ',', '\n', '\r', '\'',
            '#', '&', '=', '%', ' ', '-', '*', '?', '/', '.', '0', '9', 'e'};

    private final Random random;
    private final List<String> dictionary;

    Mutator(Random random, List<String> dictionary) {
        this.random = random;
        this.dictionary = dictionary;
    }

    /** A mutated copy of {@code input}; {@code other} is a second corpus entry to splice from. */
    byte[] mutate(byte[] input, byte[] other) {
        byte[] out = input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = once(out, other);
        }
        return out;
    }

    private byte[] once(byte[] in, byte[] other) {
        if (in.length == 0) {
            return insert(in, 0, text());
        }
        int at = random.nextInt(in.length);
        return switch (random.nextInt(9)) {
            case 0 -> set(in, at, (byte) (in[at] ^ (1 << random.nextInt(8))));
            case 1 -> set(in, at, INTERESTING[random.nextInt(INTERESTING.length)]);
            case 2 -> remove(in, at, 1 + random.nextInt(Math.min(32, in.length - at)));
            case 3 -> insert(in, random.nextInt(in.length + 1), slice(in, at, 1 + random.nextInt(Math.min(64, in.length - at))));
            case 4 -> slice(in, 0, at);
            case 5 -> splice(in, other, at);
            case 6, 7 -> replaceWord(in, at);
            default -> insert(in, at, text());
        };
    }

    /** Swaps the token at {@code at} (a run of letters, digits or {@code -_.:}) for a dictionary word or hostile text. */
    private byte[] replaceWord(byte[] in, int at) {
        int start = at;
        while (start > 0 && wordByte(in[start - 1])) {
            start--;
        }
        int end = at;
        while (end < in.length && wordByte(in[end])) {
            end++;
        }
        return insert(remove(in, start, end - start), start, text());
    }

    private static boolean wordByte(byte b) {
        return Character.isLetterOrDigit(b) || b == '-' || b == '_' || b == '.' || b == ':';
    }

    private byte[] text() {
        String s = random.nextInt(3) == 0 || dictionary.isEmpty() ? HostileText.next(random)
                : dictionary.get(random.nextInt(dictionary.size()));
        return random.nextInt(4) == 0 ? jsonEscaped(s) : s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] splice(byte[] in, byte[] other, int at) {
        if (other.length == 0) {
            return in;
        }
        int from = random.nextInt(other.length);
        return insert(slice(in, 0, at), at, slice(other, from, other.length - from));
    }

    private static byte[] set(byte[] in, int at, byte b) {
        byte[] out = in.clone();
        out[at] = b;
        return out;
    }

    static byte[] slice(byte[] in, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(in, from, out, 0, length);
        return out;
    }

    static byte[] remove(byte[] in, int from, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, from);
        out.write(in, from + length, in.length - from - length);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
        out.write(in, 0, at);
        out.write(what, 0, what.length);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }
}
