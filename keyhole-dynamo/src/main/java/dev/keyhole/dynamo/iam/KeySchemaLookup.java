package dev.keyhole.dynamo.iam;

import java.util.Optional;

/** Finds a table's key attribute names by table name. */
@FunctionalInterface
public interface KeySchemaLookup {

    /** The keys of {@code tableName}, or empty when there is no such table. */
    Optional<TableKeys> keys(String tableName);
}
