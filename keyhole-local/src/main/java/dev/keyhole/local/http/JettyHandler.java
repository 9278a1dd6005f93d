package dev.keyhole.local.http;

import dev.keyhole.local.signing.ReceivedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's side of the engine: reads a request into a {@link ReceivedRequest} (headers by lower-case name, the
 * path and query as sent, the body), has the {@link Dispatcher} answer it, and writes the reply with its request
 * id and the CRC32 of its body ({@code x-amz-crc32}, which the SDK checks).
 */
final class JettyHandler extends Handler.Abstract {

    private final Dispatcher dispatcher;

    JettyHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = readBody(in, request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH));
        }
        Reply reply = body.length > LocalServer.MAX_BODY ? dispatcher.tooLarge()
                : dispatcher.handle(received(request, body), Request.getRemoteAddr(request));
        write(reply, response, callback);
        return true;
    }

    /** Reads exactly Content-Length bytes when the client says how many (most do), else up to the limit. */
    private static byte[] readBody(InputStream in, long contentLength) throws IOException {
        if (contentLength >= 0 && contentLength <= LocalServer.MAX_BODY) {
            return in.readNBytes((int) contentLength);
        }
        return in.readNBytes(LocalServer.MAX_BODY + 1);
    }

    private static ReceivedRequest received(Request request, byte[] body) {
        HttpFields fields = request.getHeaders();
        Map<String, List<String>> headers = new HashMap<>(fields.size() * 2);
        for (HttpField f : fields) {
            headers.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>(1)).add(f.getValue());
        }
        HttpURI uri = request.getHttpURI();
        return new ReceivedRequest(request.getMethod(), uri.getPath(), uri.getQuery(), headers, body);
    }

    private static void write(Reply reply, Response response, Callback callback) {
        CRC32 crc = new CRC32();
        crc.update(reply.body());
        response.setStatus(reply.status());
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        h.put("x-amzn-RequestId", reply.requestId());
        h.put("x-amz-crc32", Long.toString(crc.getValue()));
        h.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
