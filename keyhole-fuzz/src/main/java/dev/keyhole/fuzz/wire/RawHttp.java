package dev.keyhole.fuzz.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one request on a fresh socket and reads the answer to the end ({@code Connection: close}), without an
 * HTTP client library that would refuse or repair hostile bytes. {@code null} when the server closed the
 * connection without a status line: for a server that is as bad as a 5xx.
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The {@code Host} header value, which SigV4 signs. */
    public String authority() {
        return host + ":" + port;
    }

    /** Sends {@code method target} with {@code headers} and {@code body}; the answer, or {@code null} if none came. */
    public HttpAnswer send(String method, String target, List<HttpInput.Header> headers, byte[] body) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority()).append("\r\n");
        for (HttpInput.Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        req.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        req.writeBytes(body);
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(req.toByteArray());
                out.flush();
            } catch (java.net.SocketException refusedEarly) {
                // A server may answer a request it refuses before reading all of it, and close (RFC 9112, 9.6):
                // what it answered is still there to read, and judged like any other answer.
            }
            return read(s.getInputStream());
        }
    }

    private static HttpAnswer read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (java.net.SocketException e) {
            return null; // reset by the server: no answer
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0 || text.length() < 12) {
            return null;
        }
        int status = Integer.parseInt(text.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String line : text.substring(0, end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        return new HttpAnswer(status, headers, "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(body) : body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(n, body.length - lineEnd - 2));
            i = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }
}
