package dev.keyhole.server.ui;

import io.javalin.http.Context;

/**
 * The request form of the approvals page, as posted (or empty, for a fresh page).
 *
 * @param runbook the runbook's name
 * @param exception an exception rather than the runbook's approvals
 * @param duration how long an exception lasts, ISO 8601 (e.g. {@code PT30M})
 * @param ticket the ticket
 * @param reason why
 */
record RequestForm(String runbook, boolean exception, String duration, String ticket, String reason) {

    static RequestForm of(Context ctx) {
        boolean posted = ctx.method() == io.javalin.http.HandlerType.POST && ctx.path().equals("/grants");
        if (!posted) {
            return new RequestForm("", false, "PT30M", "", "");
        }
        return new RequestForm(text(ctx, "runbook"), "exception".equals(ctx.formParam("kind")),
                text(ctx, "duration").isEmpty() ? "PT30M" : text(ctx, "duration"), text(ctx, "ticket"), text(ctx, "reason"));
    }

    private static String text(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.strip();
    }
}
