package dev.keyhole.server.ui;

import dev.keyhole.server.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without a browser: signs in with a token through the sign-in form and posts forms as a page would. */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final RunningServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String cookie;
    final String csrf;

    public FormSession(RunningServer server, String token) throws Exception {
        this.server = server;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Matcher m = CSRF.matcher(get("/runbooks").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the catalog page");
        }
        csrf = m.group(1);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code fields} as a form, adding the session's CSRF token unless {@code fields} has {@code _csrf}. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        all.values().removeIf(v -> v == null);
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
