package dev.keyhole.server;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before any route sees it (a path with a forbidden character or bad UTF-8,
 * a URI or headers over the limits): the API's JSON error shape instead of Jetty's HTML page, so every rejection
 * a client gets is one it can read the same way. Jetty's own machinery writes it (bad messages go through
 * {@link #badMessageError}, the rest through {@link #writeErrorJson}); only the format is ours. Found by the
 * hostile-input fuzzer (keyhole-fuzz).
 */
final class JettyErrors extends ErrorHandler {

    /** Jetty writes a body only for GET, POST and HEAD by default; a request with any other method gets one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause)
            throws java.io.IOException {
        return super.generateAcceptableResponse(request, response, callback, "application/json", charsets, code, message,
                cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(body(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return Http.object().put("error", code == 400 ? "bad-request" : "refused")
                .put("message", "the HTTP request was refused before keyhole read it: " + reason).toString();
    }
}
