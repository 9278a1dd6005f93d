package dev.keyhole.fuzz.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fuzz input read as an HTTP request: a request line ({@code METHOD target}), header lines, a blank line and
 * the body, all as bytes. The pseudo header {@value #SIGN} names the service to SigV4-sign the request for.
 * What would not survive as HTTP at all (control characters in headers, spaces and characters RFC 3986 forbids
 * in the target, malformed header names) is cleaned — percent-encoded or dropped — so inputs exercise keyhole
 * rather than the request framing; the
 * harness writes {@code Host}, {@code Content-Length} and {@code Connection} itself so no input can stall a read.
 */
public record HttpInput(String method, String target, List<Header> headers, byte[] body, String signFor) {

    /** One header line, bytes as ISO-8859-1 characters. */
    public record Header(String name, String value) {}

    /** The pseudo header naming the service (e.g. {@code dynamodb}, {@code sts}) to sign for. */
    public static final String SIGN = "X-Fuzz-Sign";

    private static final List<String> OWN = List.of("host", "content-length", "transfer-encoding", "connection", "expect",
            "upgrade", "te", "trailer", "keep-alive");

    /** Reads {@code input} as an HTTP request. */
    public static HttpInput parse(byte[] input) {
        int split = indexOf(input, new byte[] {'\n', '\n'});
        String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(input, split + 2, input.length);
        String[] lines = head.split("\n", -1);
        String[] requestLine = lines[0].strip().split(" ", 3);
        String method = requestLine[0].matches("[A-Z]{1,10}") ? requestLine[0] : "POST";
        String target = requestLine.length > 1 ? cleanTarget(requestLine[1]) : "/";
        List<Header> headers = new ArrayList<>();
        String signFor = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip();
            String value = lines[i].substring(colon + 1).replaceAll("[\\x00-\\x08\\x0a-\\x1f\\x7f]", "").strip();
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+") || OWN.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (name.equalsIgnoreCase(SIGN)) {
                signFor = value;
            } else {
                headers.add(new Header(name, value));
            }
        }
        return new HttpInput(method, target, List.copyOf(headers), body, signFor);
    }

    /** The first value of header {@code name}, or {@code null}. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    private static String cleanTarget(String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : target.getBytes(StandardCharsets.ISO_8859_1)) {
            if (b > 0x20 && b < 0x7f && "\"<>\\^`{|}[]#".indexOf(b) < 0) {
                out.write(b);
            } else {
                out.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        // A bad % escape or a leading // stays: both servers run on Jetty, whose refusals answer in their protocol's
        // shape (JsonRefusals), so the oracles judge those too.
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.startsWith("/") ? s : "/" + s;
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
