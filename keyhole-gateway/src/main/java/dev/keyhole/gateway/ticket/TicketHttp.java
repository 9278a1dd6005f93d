package dev.keyhole.gateway.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One ticket system's HTTP side: a client with connect and request timeouts, every transport failure
 * turned into a {@link TicketCheckException} that names the system but never a credential or a body.
 */
final class TicketHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What one exchange brought back. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final String system;

    /**
     * @param name the system for people, e.g. {@code Jira}
     * @param endpoint where it lives; shown in messages without query or user info
     */
    TicketHttp(String name, URI endpoint, Duration timeout) {
        // Redirects are not followed: a 3xx would carry keyhole's Authorization header somewhere else.
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.system = name + " at " + shown(endpoint);
    }

    /** Sends {@code request}, asked on behalf of {@code ticket}; throws when nothing usable came back. */
    Answer send(HttpRequest.Builder request, String ticket) {
        try {
            HttpResponse<String> r = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new TicketCheckException(system + " did not answer within " + timeout.toMillis()
                    + " ms while checking `" + ticket + "`; try again, or raise its `timeout`", e);
        } catch (IOException e) {
            throw new TicketCheckException("could not reach " + system + " to check `" + ticket + "`: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TicketCheckException("interrupted while asking " + system + " about `" + ticket + "`", e);
        }
    }

    /**
     * GETs one object of the system, e.g. an issue: its JSON, or empty when the system answers 404 (no
     * such object, or keyhole's account may not see it). Throws on any other status outside 2xx.
     */
    Optional<JsonNode> lookUp(URI uri, String authorization, String accept, String ticket) {
        Answer answer = send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Accept", accept).GET(), ticket);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw unexpected(answer, ticket);
        }
        return Optional.of(json(answer, ticket));
    }

    /** The answer's body as JSON; throws when it is not JSON. */
    JsonNode json(Answer answer, String ticket) {
        try {
            JsonNode node = answer.body() == null ? null : JSON.readTree(answer.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, without the body: it may echo what keyhole sent
        }
        throw unreadable(ticket, "is not a JSON object");
    }

    TicketCheckException unreadable(String ticket, String what) {
        return new TicketCheckException(system + " answered about `" + ticket + "` with a body that " + what);
    }

    /** For any status the caller has no meaning for. */
    TicketCheckException unexpected(Answer answer, String ticket) {
        if (answer.status() == 401 || answer.status() == 403) {
            return new TicketCheckException(system + " refused keyhole's credentials (HTTP " + answer.status()
                    + ") while checking `" + ticket + "`; check the token in keyhole's environment and that its "
                    + "account may see this ticket");
        }
        return new TicketCheckException(system + " answered HTTP " + answer.status() + " while checking `"
                + ticket + "`" + (answer.status() >= 500 || answer.status() == 429 ? "; try again later" : ""));
    }

    /**
     * Percent-encodes {@code s} as one URL path segment. Only letters, digits, {@code -}, {@code _} and
     * {@code ~} pass; even {@code .} is encoded so that no value can become a {@code ..} segment.
     */
    static String pathSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** {@code base} without a trailing slash, so that paths appended to it keep any context path. */
    static String trimmed(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shown(URI u) {
        // Query strings and user info can hold secrets (signed webhook URLs); only scheme, host and path are shown.
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }
}
