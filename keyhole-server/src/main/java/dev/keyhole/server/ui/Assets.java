package dev.keyhole.server.ui;

import dev.keyhole.server.ApiError;
import dev.keyhole.server.Route;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The UI's static files, open to everyone because they hold no data: keyhole's own stylesheet and script
 * ({@code /assets/...}, from this package's resources) and WebJars from Maven Central
 * ({@code /webjars/NAME/PATH}, resolved to the version on the class path, so templates name no version).
 */
final class Assets {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*(?:/[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)*");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "map", "application/json", "svg", "image/svg+xml", "woff2", "font/woff2");
    private static final String OWN = "dev/keyhole/server/ui/assets/";

    private Assets() {}

    static List<Route> routes() {
        return List.of(
                Route.page(io.javalin.http.HandlerType.GET, "/assets/*", "The web UI's stylesheet and script",
                        ctx -> serve(ctx, OWN + rest(ctx, "/assets/"))).unauthenticated(),
                Route.page(io.javalin.http.HandlerType.GET, "/webjars/*", "Front-end libraries from WebJars",
                        ctx -> serve(ctx, webjar(rest(ctx, "/webjars/")))).unauthenticated());
    }

    /** The path after {@code prefix}, refused unless it is plain names separated by slashes (no {@code ..}). */
    private static String rest(Context ctx, String prefix) {
        String rest = ctx.path().substring(prefix.length());
        if (!SAFE.matcher(rest).matches()) {
            throw ApiError.notFound("no asset `" + rest + "`");
        }
        return rest;
    }

    /** {@code NAME/PATH} to the class path resource of the webjar {@code NAME} at the version present. */
    private static String webjar(String rest) {
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw ApiError.notFound("no asset `" + rest + "`");
        }
        String name = rest.substring(0, slash);
        for (String group : List.of("org.webjars.npm", "org.webjars")) {
            String version = version(group, name);
            if (version != null) {
                return "META-INF/resources/webjars/" + name + "/" + version + "/" + rest.substring(slash + 1);
            }
        }
        throw ApiError.notFound("no webjar `" + name + "`");
    }

    private static String version(String group, String name) {
        try (InputStream in = Assets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/" + group + "/" + name + "/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(Context ctx, String resource) throws IOException {
        String ext = resource.substring(resource.lastIndexOf('.') + 1);
        String type = TYPES.get(ext);
        InputStream in = type == null ? null : Assets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw ApiError.notFound("no asset `" + ctx.path() + "`");
        }
        try (in) {
            ctx.header("Cache-Control", "public, max-age=3600").contentType(type).result(in.readAllBytes());
        }
    }
}
