package dev.keyhole.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the jte templates that jte-maven-plugin compiled into this package at build time (no compiler is
 * needed at run time). Output is HTML-escaped by the templates' content type.
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), Templates.class.getPackageName());

    /** Answers with template {@code name} (without {@code .jte}); the status is whatever the handler set. */
    void render(Context ctx, String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(name + ".jte", params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** A page that only says what went wrong, with {@code status}. */
    void error(Context ctx, int status, String title, String message) {
        ctx.status(status);
        render(ctx, "error", Map.of("frame", Frame.of(ctx, title, "").withError(message)));
    }
}
