package dev.keyhole.drift.privileges;

import java.util.List;

/**
 * Every DynamoDB IAM action, from the service authorization reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html):
 * what a wildcard in a policy can grant.
 */
final class DynamoActions {

    static final List<String> ALL = List.of(
            "BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "CreateBackup", "CreateGlobalTable", "CreateTable",
            "CreateTableReplica", "DeleteBackup", "DeleteItem", "DeleteResourcePolicy", "DeleteTable",
            "DeleteTableReplica", "DescribeBackup", "DescribeContinuousBackups", "DescribeContributorInsights",
            "DescribeEndpoints", "DescribeExport", "DescribeGlobalTable", "DescribeGlobalTableSettings", "DescribeImport",
            "DescribeKinesisStreamingDestination", "DescribeLimits", "DescribeReservedCapacity",
            "DescribeReservedCapacityOfferings", "DescribeStream", "DescribeTable", "DescribeTableReplicaAutoScaling",
            "DescribeTimeToLive", "DisableKinesisStreamingDestination", "EnableKinesisStreamingDestination",
            "ExportTableToPointInTime", "GetItem", "GetRecords", "GetResourcePolicy", "GetShardIterator", "ImportTable",
            "ListBackups", "ListContributorInsights", "ListExports", "ListGlobalTables", "ListImports", "ListStreams",
            "ListTables", "ListTagsOfResource", "PartiQLDelete", "PartiQLInsert", "PartiQLSelect", "PartiQLUpdate",
            "PurchaseReservedCapacityOfferings", "PutItem", "PutResourcePolicy", "Query", "RestoreTableFromAwsBackup",
            "RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan", "StartAwsBackupJob", "TagResource",
            "UntagResource", "UpdateContinuousBackups", "UpdateContributorInsights", "UpdateGlobalTable",
            "UpdateGlobalTableSettings", "UpdateGlobalTableVersion", "UpdateItem", "UpdateKinesisStreamingDestination",
            "UpdateTable", "UpdateTableReplicaAutoScaling", "UpdateTimeToLive").stream().map(a -> "dynamodb:" + a).toList();

    private DynamoActions() {}

    /** Whether an Action value (with IAM's {@code *} and {@code ?} wildcards) matches {@code action}, in any case. */
    static boolean matches(String pattern, String action) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return java.util.regex.Pattern.compile(re.toString(), java.util.regex.Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    /** Whether an Action value can match some DynamoDB action. */
    static boolean touchesDynamo(String pattern) {
        return ALL.stream().anyMatch(a -> matches(pattern, a));
    }

    /** Whether an Action value can match actions of other services too. */
    static boolean reachesBeyondDynamo(String pattern) {
        return !pattern.toLowerCase(java.util.Locale.ROOT).startsWith("dynamodb:");
    }
}
