package dev.keyhole.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sts.model.Credentials;

/** SigV4 failures through the real SDK, answered with the codes and messages AWS uses. */
class AuthenticationTest {

    @RegisterExtension
    static final RunningEngine local = RunningEngine.withTestIdentities();

    private static void assertFails(Executable call, int status, String code, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
        });
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        assertFails(() -> local.dynamoDb(TestIdentities.ADMIN_KEY, "wrong").listTables(), 400,
                "InvalidSignatureException", "The request signature we calculated does not match the signature you "
                        + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                        + "documentation for details.");
        assertThat(local.dynamo.operations()).doesNotContain("ListTables");
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatchForSts() {
        assertFails(() -> local.sts(TestIdentities.ADMIN_KEY, "wrong").getCallerIdentity(), 403,
                "SignatureDoesNotMatch", "The request signature we calculated does not match");
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() {
        assertFails(() -> local.dynamoDb("AKIAUNKNOWN000000000", "x").listTables(), 400,
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void anUnknownKeyIsAnInvalidClientTokenIdForSts() {
        assertFails(() -> local.sts("AKIAUNKNOWN000000000", "x").getCallerIdentity(), 403,
                "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    @Test
    void anExpiredSessionTokenIsRejected() {
        Credentials c = local.keyholeSts().assumeRole(b -> b.roleArn(TestIdentities.roleArn("reader"))
                .roleSessionName("kh-expiry").durationSeconds(900)).credentials();
        DynamoDbClient session = local.dynamoDb(c);
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"));
        assertThat(session.getItem(b -> b.tableName("Orders").key(key)).hasItem()).isTrue();
        local.clock.advance(Duration.ofSeconds(901));
        assertFails(() -> session.getItem(b -> b.tableName("Orders").key(key)), 400,
                "ExpiredTokenException", "The security token included in the request is expired");
        assertFails(() -> local.sts(c).getCallerIdentity(), 403, "ExpiredToken",
                "The security token included in the request is expired");
    }

    @Test
    void aSessionKeyWithAnotherSessionsTokenIsInvalid() {
        Credentials a = local.keyholeSts().assumeRole(b -> b.roleArn(TestIdentities.roleArn("reader"))
                .roleSessionName("kh-a")).credentials();
        Credentials b = local.keyholeSts().assumeRole(r -> r.roleArn(TestIdentities.roleArn("reader"))
                .roleSessionName("kh-b")).credentials();
        Credentials mixed = a.toBuilder().sessionToken(b.sessionToken()).build();
        assertFails(() -> local.sts(mixed).getCallerIdentity(), 403, "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAgoHasAnExpiredSignature() {
        local.clock.advance(Duration.ofMinutes(16));
        assertFails(() -> local.dynamoDb(TestIdentities.ADMIN_KEY, TestIdentities.ADMIN_SECRET).listTables(), 400,
                "InvalidSignatureException", "Signature expired: ");
        assertThatThrownBy(() -> local.dynamoDb(TestIdentities.ADMIN_KEY, TestIdentities.ADMIN_SECRET).listTables())
                .hasMessageMatching("(?s)Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z "
                        + "\\(\\d{8}T\\d{6}Z - 15 min\\.\\).*");
    }

    @Test
    void aRequestSignedFourteenMinutesAgoIsAccepted() {
        local.clock.advance(Duration.ofMinutes(14));
        assertThat(local.dynamoDb(TestIdentities.ADMIN_KEY, TestIdentities.ADMIN_SECRET).listTables().tableNames())
                .containsExactly("Orders");
    }
}
