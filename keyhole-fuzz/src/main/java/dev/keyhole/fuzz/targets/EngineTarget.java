package dev.keyhole.fuzz.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.fuzz.Finding;
import dev.keyhole.fuzz.Seeds;
import dev.keyhole.fuzz.Target;
import dev.keyhole.fuzz.wire.HttpAnswer;
import dev.keyhole.fuzz.wire.HttpInput;
import dev.keyhole.fuzz.wire.RawHttp;
import dev.keyhole.fuzz.wire.Signing;
import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * The local engine over real HTTP: {@code engine-dynamodb} (JSON 1.0, {@code X-Amz-Target}) and {@code engine-sts}
 * (query protocol), IAM enforced with the shipped demo identities. Inputs are HTTP messages ({@link HttpInput});
 * those carrying {@code X-Fuzz-Sign} are SigV4-signed with the demo admin's key after mutation, so they reach
 * the operations; the others test authentication with unsigned and garbled headers.
 *
 * <p>Oracles: {@link AwsShape} for every answer; and a rejected DynamoDB write changes nothing — the tables
 * and every item, read straight from the engine before and after, are equal.
 */
public final class EngineTarget implements Target {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WRITE = Pattern.compile("Put|Update|Delete|Write|Create|Transact|Batch|Tag|Restore"
            + "|Import|Execute|Enable|Disable");
    private static final String ADMIN_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String ADMIN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"; // demo-only, examples/local/iam.yaml
    private static final int MAX_TABLES = 12;
    private static final int MAX_ITEMS = 300;

    private final String name;
    private final DynamoDbEngine engine;
    private final LocalServer server;
    private final RawHttp http;
    private final Signing signing = new Signing(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET), Region.US_EAST_1);

    private EngineTarget(String name) {
        this.name = name;
        engine = DynamoDbEngine.open(null, "us-east-1", "000000000000", Clock.systemUTC());
        resetTables();
        try {
            server = LocalServer.start(LocalServerConfig.defaults()
                    .withIamFile(Repository.root().resolve("examples/local/iam.yaml")), engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http = new RawHttp("127.0.0.1", server.port());
    }

    /** DynamoDB's JSON 1.0 protocol. */
    public static EngineTarget dynamoDb() {
        return new EngineTarget("engine-dynamodb");
    }

    /** STS's query protocol. */
    public static EngineTarget sts() {
        return new EngineTarget("engine-sts");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<byte[]> seeds() {
        return Seeds.of(name);
    }

    @Override
    public List<String> dictionary() {
        return List.of("DynamoDB_20120810.", "PutItem", "GetItem", "Query", "Scan", "UpdateItem", "DeleteItem",
                "BatchWriteItem", "BatchGetItem", "TransactWriteItems", "CreateTable", "DeleteTable", "DescribeTable",
                "ListTables", "\"TableName\"", "\"Orders\"", "\"Item\"", "\"Key\"", "\"S\"", "\"N\"", "\"B\"", "\"BOOL\"",
                "\"NULL\"", "\"M\"", "\"L\"", "\"SS\"", "\"NS\"", "\"BS\"", "\"pk\"", "\"sk\"", "\"KeyConditionExpression\"",
                "\"FilterExpression\"", "\"ConditionExpression\"", "\"UpdateExpression\"", "\"ProjectionExpression\"",
                "\"ExpressionAttributeValues\"", "\"ExpressionAttributeNames\"", "\":v\"", "\"#n\"", "\"Limit\"",
                "\"ExclusiveStartKey\"", "\"IndexName\"", "\"Select\"", "\"COUNT\"", "Action=", "AssumeRole",
                "GetCallerIdentity", "&RoleArn=", "arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fkeyhole-exec",
                "&RoleSessionName=", "&DurationSeconds=", "&Policy=", "&SourceIdentity=", "&Tags.member.1.Key=",
                "&Tags.member.1.Value=", "&Version=2011-06-15", "%00", "%FF", "%ZZ", "AWS4-HMAC-SHA256 ",
                "Credential=", "SignedHeaders=", "Signature=", "X-Amz-Date: ", "X-Amz-Security-Token: ");
    }

    @Override
    public String run(byte[] input) throws IOException {
        HttpInput in = HttpInput.parse(input);
        List<HttpInput.Header> headers = in.signFor() == null ? in.headers()
                : signing.sign(in, http.authority(), in.signFor());
        String target = in.header("X-Amz-Target");
        boolean write = target != null && WRITE.matcher(target).find();
        JsonNode before = write ? snapshot() : null;
        HttpAnswer a = http.send(in.method(), in.target(), headers, in.body());
        String behaviour = AwsShape.check(a);
        if (write && a.status() >= 400 && !snapshot().equals(before)) {
            throw new Finding(Finding.Kind.STATE_CHANGED, "a rejected " + target + " (" + behaviour + ") changed the tables");
        }
        if (write && a.status() < 400) {
            keepSmall();
        }
        return (in.signFor() == null ? "unsigned " : "signed ") + behaviour;
    }

    /** Every table's description and items, read from the engine itself, not over HTTP. */
    private JsonNode snapshot() {
        ObjectNode out = JSON.createObjectNode();
        for (JsonNode t : engine.handle("ListTables", JSON.createObjectNode()).path("TableNames")) {
            ObjectNode scan = JSON.createObjectNode().put("TableName", t.asText());
            out.set(t.asText(), engine.handle("Scan", scan).path("Items"));
        }
        return out;
    }

    /** Successful writes accumulate; a long run starts over when the tables grow past what a snapshot reads quickly. */
    private void keepSmall() {
        JsonNode s = snapshot();
        int items = 0;
        for (JsonNode t : s) {
            items += t.size();
        }
        if (s.size() > MAX_TABLES || items > MAX_ITEMS) {
            resetTables();
        }
    }

    private void resetTables() {
        for (JsonNode t : engine.handle("ListTables", JSON.createObjectNode()).path("TableNames")) {
            engine.handle("DeleteTable", JSON.createObjectNode().put("TableName", t.asText()));
        }
        engine.handle("CreateTable", json("{'TableName':'Orders','BillingMode':'PAY_PER_REQUEST',"
                + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},"
                + "{'AttributeName':'status','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
                + "'GlobalSecondaryIndexes':[{'IndexName':'byStatus','KeySchema':[{'AttributeName':'status','KeyType':'HASH'}],"
                + "'Projection':{'ProjectionType':'ALL'}}]}"));
        for (int i = 1; i <= 3; i++) {
            engine.handle("PutItem", json("{'TableName':'Orders','Item':{'pk':{'S':'C-1001'},'sk':{'N':'" + i
                    + "'},'status':{'S':'open'},'tags':{'SS':['a','b']},'total':{'N':'12.5'}}}"));
        }
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
