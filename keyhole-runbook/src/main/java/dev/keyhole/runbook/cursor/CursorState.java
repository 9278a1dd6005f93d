package dev.keyhole.runbook.cursor;

import java.time.Instant;

/**
 * What a cursor carries: where to continue and how much has been read so far, so page and item caps
 * hold across calls.
 *
 * @param lastEvaluatedKey DynamoDB's {@code LastEvaluatedKey}, as its JSON text
 * @param pagesRead pages already returned
 * @param itemsReturned items already returned
 * @param expires when the cursor stops working
 */
public record CursorState(String lastEvaluatedKey, int pagesRead, int itemsReturned, Instant expires) {}
