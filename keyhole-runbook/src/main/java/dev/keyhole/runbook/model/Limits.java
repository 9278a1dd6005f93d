package dev.keyhole.runbook.model;

/**
 * Caps on what one execution returns.
 *
 * @param pageSize items asked of DynamoDB per page ({@code Limit})
 * @param maxPages pages one execution may read
 * @param maxItems items one execution may return
 */
public record Limits(int pageSize, int maxPages, int maxItems) {

    /** What a runbook gets when it declares no limits. */
    public static final Limits DEFAULT = new Limits(25, 10, 250);
}
