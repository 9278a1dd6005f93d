package dev.keyhole.local.http;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before any of keyhole's code sees it (a URI or headers over the limits, a
 * forbidden character or bad UTF-8 in the path, an unknown method): a JSON body in the caller's protocol instead
 * of Jetty's HTML page, so every rejection a client gets is one it reads the same way. Jetty's own machinery
 * writes it (bad messages go through {@link #badMessageError}, the rest through {@link #writeErrorJson}); only the
 * body is ours. Serves the local engine (DynamoDB's error shape) and {@code keyhole serve} (the API's). Found by the
 * hostile-input fuzzer (keyhole-fuzz).
 */
public final class JsonRefusals extends ErrorHandler {

    private final String contentType;
    private final BiFunction<Integer, String, String> body;

    /**
     * @param contentType what the body is sent as
     * @param body        the JSON body for a status and Jetty's reason (never blank: the status's own phrase stands in)
     */
    public JsonRefusals(String contentType, BiFunction<Integer, String, String> body) {
        this.contentType = contentType;
        this.body = body;
    }

    /** Jetty writes a body only for GET, POST and HEAD by default; a request with any other method gets one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String type,
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
        fields.put(HttpHeader.CONTENT_TYPE, contentType);
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    private String body(int code, String message) {
        return body.apply(code, message == null || message.isBlank() ? HttpStatus.getMessage(code) : message);
    }
}
