package dev.keyhole.runbook.model;

import java.util.Map;

/**
 * Where a runbook's queries run.
 *
 * @param account the 12-digit AWS account id
 * @param region the region, e.g. {@code eu-west-1}
 * @param table the table name
 * @param index the index every query uses unless a query names its own, or {@code null}
 * @param role the execution role ARN keyhole assumes for each run
 * @param keys the table's key schema as declared in the runbook, or {@code null} to read it with DescribeTable
 */
public record Target(String account, String region, String table, String index, String role, KeySchema keys) {

    /** The table ARN. */
    public String tableArn() {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table;
    }

    /** The ARN of an index of the table. */
    public String indexArn(String indexName) {
        return tableArn() + "/index/" + indexName;
    }

    /**
     * Key attribute names of the table and its indexes.
     *
     * @param partition the table's partition key
     * @param sort the table's sort key, or {@code null}
     * @param indexes index name to its keys
     */
    public record KeySchema(String partition, String sort, Map<String, KeySchema> indexes) {
        public KeySchema {
            indexes = Map.copyOf(indexes);
        }
    }
}
