package dev.keyhole.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.local.http.LocalServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The bytes on the wire, without the SDK: headers, error bodies and routing as AWS sends them. */
class WireProtocolTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningEngine local = RunningEngine.withTestIdentities();

    private static HttpResponse<byte[]> dynamoDb(URI endpoint, String operation, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> sts(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(local.server.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnsignedDynamoDbCallIsMissingItsAuthenticationToken() throws Exception {
        HttpResponse<byte[]> r = dynamoDb(local.server.endpoint(), "ListTables", "{}");
        JsonNode body = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body.path("__type").asText()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(body.path("message").asText()).isEqualTo("Request is missing Authentication Token");
        assertThat(local.dynamo.operations()).doesNotContain("ListTables");
    }

    @Test
    void everyDynamoDbResponseCarriesARequestIdAndTheCrc32OfItsBody() throws Exception {
        HttpResponse<byte[]> r = dynamoDb(local.server.endpoint(), "ListTables", "{}");
        CRC32 crc = new CRC32();
        crc.update(r.body());
        assertThat(r.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(r.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(52));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void requestIdsDifferPerRequest() throws Exception {
        String a = dynamoDb(local.server.endpoint(), "ListTables", "{}").headers().firstValue("x-amzn-RequestId").orElseThrow();
        String b = dynamoDb(local.server.endpoint(), "ListTables", "{}").headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(a).isNotEqualTo(b);
    }

    /** DynamoDB's limit on a request: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html */
    @Test
    void aBodyOverSixteenMegabytesIsRefusedAndNeverReachesTheService() throws Exception {
        byte[] body = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(local.server.endpoint())
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode error = JSON.readTree(r.body());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error.path("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ValidationException");
        assertThat(error.path("message").asText()).isEqualTo("Request body exceeds the maximum of 16777216 bytes");
        assertThat(local.dynamo.operations()).isEmpty();
    }

    /**
     * What the HTTP server refuses before the engine reads a request (a URI or headers over its limits, an escaped
     * backslash in the path) still answers in DynamoDB's error shape, not an HTML page. Found by keyhole-fuzz.
     */
    @Test
    void whatTheHttpLayerRefusesIsStillADynamoDbErrorAndNeverReachesTheService() throws Exception {
        URI longUri = URI.create(local.server.endpoint() + "/?pad=" + "a".repeat(20_000));
        URI suspicious = URI.create(local.server.endpoint() + "/%5Cu0022TableName%5Cu0022/");
        HttpRequest.Builder bigHeader = HttpRequest.newBuilder(local.server.endpoint()).header("X-Padding", "b".repeat(20_000));
        for (var c : java.util.List.of(
                new Object[] {HttpRequest.newBuilder(longUri), 414},
                new Object[] {bigHeader, 431},
                new Object[] {HttpRequest.newBuilder(suspicious), 400})) {
            // A client of its own for each: the server closes the connection after such a refusal.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<byte[]> r = http.send(((HttpRequest.Builder) c[0]).header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode error = JSON.readTree(r.body());
            assertThat(r.statusCode()).isEqualTo(c[1]);
            assertThat(error.path("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
            assertThat(error.path("message").asText()).startsWith("The HTTP request was refused before it was read: ");
        }
        assertThat(local.dynamo.operations()).isEmpty();
    }

    @Test
    void anUnsignedStsCallIsAnXmlErrorResponseFromTheSender() throws Exception {
        HttpResponse<String> r = sts("Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml");
        String requestId = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(r.body()).isEqualTo("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                + "<Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication "
                + "Token</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
    }

    /** https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html: MalformedQueryString, 404. */
    @Test
    void aBadPercentEscapeInAnStsFormIsAMalformedQueryStringNotASilentDrop() throws Exception {
        HttpResponse<String> r = sts("Action=GetCallerIdentity&Version=2011-06-15&x=%zz");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<Code>MalformedQueryString</Code>").contains("<Message>The query string");
    }

    @Test
    void withEnforcementOffAnUnsignedCallReachesTheService() throws Exception {
        try (RunningEngine open = RunningEngine.with(LocalServerConfig.defaults().withEnforceIam(false))) {
            HttpResponse<byte[]> r = dynamoDb(open.server.endpoint(), "Query", "{\"TableName\":\"Orders\","
                    + "\"KeyConditionExpression\":\"pk = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"a\"}}}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("Count").asInt()).isEqualTo(1);
            assertThat(open.dynamo.operations()).containsExactly("Query");
        }
    }

    @Test
    @Disabled("known difference: DynamoDB spells AccessDeniedException's field `Message`; dev.keyhole.local.http"
            + ".LocalServer writes `message` for every error (the SDK reads both)")
    void accessDeniedSpellsItsMessageFieldWithACapital() {
        var bob = local.dynamoDb(TestIdentities.BOB_KEY, TestIdentities.BOB_SECRET);
        assertThatThrownBy(bob::listTables).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.awsErrorDetails().rawResponse().asUtf8String()).contains("\"Message\":"));
    }
}
