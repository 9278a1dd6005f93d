package dev.keyhole.local.dynamodb;

import dev.keyhole.dynamo.expression.parse.ReservedWords;

/**
 * DynamoDB's reserved words: not usable as bare attribute names. One list serves the engine and the
 * runbook linter: keyhole-dynamo's ({@link ReservedWords}).
 */
final class Keywords {

    private Keywords() {}

    static boolean isReserved(String name) {
        return ReservedWords.isReserved(name);
    }
}
