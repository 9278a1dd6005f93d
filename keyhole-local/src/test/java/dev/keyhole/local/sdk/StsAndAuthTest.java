package dev.keyhole.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/** STS AssumeRole and GetCallerIdentity, and SigV4 failures, as AWS answers them. */
class StsAndAuthTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/keyhole-exec";
    private static TestEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static String code(Throwable e) {
        return ((AwsServiceException) e).awsErrorDetails().errorCode();
    }

    @Test
    void assumeRoleReturnsWhatAwsReturns() {
        AssumeRoleResponse r = engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("kh-abc")
                .sourceIdentity("alice").durationSeconds(900)
                .tags(Tag.builder().key("keyhole-ticket").value("INC-1").build()));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/keyhole-exec/kh-abc");
        assertThat(r.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":kh-abc");
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(r.sourceIdentity()).isEqualTo("alice");
        assertThat(Duration.between(java.time.Instant.now(), r.credentials().expiration()).toSeconds()).isBetween(890L, 901L);
        StsClient session = StsClient.builder().endpointOverride(engine.server.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(r.credentials().accessKeyId(),
                                r.credentials().secretAccessKey(), r.credentials().sessionToken()))).build();
        assertThat(session.getCallerIdentity().arn()).isEqualTo(r.assumedRoleUser().arn());
        assertThat(session.getCallerIdentity().account()).isEqualTo("000000000000");
    }

    @Test
    void getCallerIdentityForAUser() {
        assertThat(engine.keyholeSts().getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/keyhole");
    }

    @Test
    void aPrincipalTheTrustPolicyDoesNotNameIsRefused() {
        StsClient bob = engine.sts("AKIABOBDEMO000000001", "bob-demo-secret-not-for-production-00001");
        assertThatThrownBy(() -> bob.assumeRole(b -> b.roleArn(ROLE).roleSessionName("x1").sourceIdentity("bob")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"))
                .hasMessageContaining("User: arn:aws:iam::000000000000:user/bob is not authorized to perform: sts:AssumeRole");
    }

    @Test
    void theTrustPolicyRequiresASourceIdentityAndOnlyKeyholesTags() {
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x2")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x3")
                .sourceIdentity("alice").tags(Tag.builder().key("admin").value("true").build())))
                .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
    }

    @Test
    void durationAndSessionNameAreValidatedAsStsDoes() {
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x4")
                .sourceIdentity("alice").durationSeconds(899)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("Member must have value greater than or equal to 900");
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x5")
                .sourceIdentity("alice").durationSeconds(7200)))
                .hasMessageContaining("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("bad name")
                .sourceIdentity("alice")))
                .hasMessageContaining("Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    @Test
    void anOversizedOrMalformedSessionPolicyIsRejected() {
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:Query\","
                + "\"Resource\":[" + "\"arn:aws:dynamodb:us-east-1:000000000000:table/T\",".repeat(60)
                + "\"*\"]}]}";
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x6")
                .sourceIdentity("alice").policy(big)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("PackedPolicyTooLarge"));
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x7")
                .sourceIdentity("alice").policy("{not json")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("MalformedPolicyDocument"));
    }

    @Test
    void badSignaturesAndUnknownKeysFailAsAwsFailsThem() {
        DynamoDbClient wrongSecret = engine.dynamoDb("AKIAIOSFODNN7EXAMPLE", "wrong", null, "us-east-1");
        assertThatThrownBy(wrongSecret::listTables).satisfies(e -> assertThat(code(e)).isEqualTo("InvalidSignatureException"))
                .hasMessageContaining("The request signature we calculated does not match the signature you provided.");
        DynamoDbClient unknown = engine.dynamoDb("AKIAUNKNOWN000000000", "x", null, "us-east-1");
        assertThatThrownBy(unknown::listTables).satisfies(e -> assertThat(code(e)).isEqualTo("UnrecognizedClientException"))
                .hasMessageContaining("The security token included in the request is invalid.");
        StsClient unknownSts = engine.sts("AKIAUNKNOWN000000000", "x");
        assertThatThrownBy(unknownSts::getCallerIdentity).satisfies(e -> assertThat(code(e)).isEqualTo("InvalidClientTokenId"));
    }

    @Test
    void dataAndSessionsSurviveARestart(@TempDir Path dir) throws Exception {
        AssumeRoleResponse r;
        try (TestEngine first = TestEngine.start(dir)) {
            DynamoDbClient admin = first.adminDynamoDb();
            admin.createTable(b -> b.tableName("Orders").attributeDefinitions(d -> d.attributeName("customerId").attributeType("S"))
                    .keySchema(k -> k.attributeName("customerId").keyType("HASH")).billingMode("PAY_PER_REQUEST"));
            admin.putItem(b -> b.tableName("Orders").item(Map.of("customerId", AttributeValue.fromS("C-1"))));
            r = first.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("kh-restart").sourceIdentity("alice"));
        }
        try (TestEngine second = TestEngine.start(dir)) {
            assertThat(second.adminDynamoDb().getItem(b -> b.tableName("Orders")
                    .key(Map.of("customerId", AttributeValue.fromS("C-1")))).hasItem()).isTrue();
            StsClient session = StsClient.builder().endpointOverride(second.server.endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(r.credentials().accessKeyId(),
                                    r.credentials().secretAccessKey(), r.credentials().sessionToken()))).build();
            assertThat(session.getCallerIdentity().arn()).endsWith("assumed-role/keyhole-exec/kh-restart");
        }
    }
}
