package dev.keyhole.cli.runbooks;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.runbook.model.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Reads tables' key schemas with DescribeTable, for runbooks that do not declare {@code target.keys}. */
final class TableSchemas implements Function<String, Optional<Target.KeySchema>>, AutoCloseable {

    private final DynamoDbClient db;

    TableSchemas(KeyholeConfig cfg, String accessKeyId, String secret) {
        var b = DynamoDbClient.builder().region(Region.of(cfg.region()))
                .credentialsProvider(accessKeyId != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret))
                        : DefaultCredentialsProvider.builder().build());
        if (cfg.endpoint() != null) {
            b.endpointOverride(cfg.endpoint());
        }
        db = b.build();
    }

    @Override
    public Optional<Target.KeySchema> apply(String table) {
        try {
            TableDescription t = db.describeTable(r -> r.tableName(table)).table();
            Map<String, Target.KeySchema> indexes = new LinkedHashMap<>();
            t.globalSecondaryIndexes().forEach(i -> indexes.put(i.indexName(), keys(i.keySchema(), Map.of())));
            t.localSecondaryIndexes().forEach(i -> indexes.put(i.indexName(), keys(i.keySchema(), Map.of())));
            return Optional.of(keys(t.keySchema(), indexes));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Target.KeySchema keys(java.util.List<KeySchemaElement> schema, Map<String, Target.KeySchema> indexes) {
        String hash = null;
        String range = null;
        for (KeySchemaElement e : schema) {
            if (e.keyType() == KeyType.HASH) {
                hash = e.attributeName();
            } else {
                range = e.attributeName();
            }
        }
        return new Target.KeySchema(hash, range, indexes);
    }

    @Override
    public void close() {
        db.close();
    }
}
