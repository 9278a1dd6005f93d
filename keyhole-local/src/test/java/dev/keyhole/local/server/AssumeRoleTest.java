package dev.keyhole.local.server;

import static dev.keyhole.local.server.TestIdentities.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/** STS AssumeRole through the real SDK: what it returns, and every refusal worded as STS words it. */
class AssumeRoleTest {

    @RegisterExtension
    static final RunningEngine local = RunningEngine.withTestIdentities();

    private static AssumeRoleResponse assume(AssumeRoleRequest.Builder b) {
        return local.keyholeSts().assumeRole(b.build());
    }

    private static void assertRefused(AssumeRoleRequest.Builder b, String code, String message) {
        assertThatThrownBy(() -> assume(b))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    private static AssumeRoleRequest.Builder reader(String session) {
        return AssumeRoleRequest.builder().roleArn(roleArn("reader")).roleSessionName(session);
    }

    @Test
    void assumeRoleReturnsCredentialsTheAssumedRoleAndTheSourceIdentity() {
        Instant before = local.clock.instant();
        AssumeRoleResponse r = assume(reader("kh-happy").durationSeconds(1800).sourceIdentity("alice")
                .tags(Tag.builder().key("ticket").value("INC-1").build())
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:Query\","
                        + "\"Resource\":\"*\"}]}"));
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(r.credentials().secretAccessKey()).isNotBlank();
        assertThat(r.credentials().sessionToken()).isNotBlank();
        assertThat(Duration.between(before, r.credentials().expiration()).toSeconds()).isBetween(1795L, 1800L);
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/reader/kh-happy");
        assertThat(r.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]+:kh-happy");
        assertThat(r.sourceIdentity()).isEqualTo("alice");
        assertThat(r.packedPolicySize()).isBetween(1, 100);
    }

    @Test
    void theDefaultDurationIsOneHour() {
        Instant before = local.clock.instant();
        AssumeRoleResponse r = assume(reader("kh-default"));
        assertThat(Duration.between(before, r.credentials().expiration()).toSeconds()).isBetween(3595L, 3600L);
    }

    @Test
    void aRoleWhoseTrustPolicyDoesNotNameTheCallerIsRefused() {
        assertRefused(AssumeRoleRequest.builder().roleArn(roleArn("bobs")).roleSessionName("kh-1"), "AccessDenied",
                "User: arn:aws:iam::000000000000:user/keyhole is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn("bobs"));
    }

    @Test
    void aCallerWithoutAnIdentityPolicyIsRefusedWhenTheTrustPolicyNamesOnlyTheAccount() {
        assertThatThrownBy(() -> local.sts(TestIdentities.BOB_KEY, TestIdentities.BOB_SECRET)
                .assumeRole(b -> b.roleArn(roleArn("open")).roleSessionName("bob-1")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("User: arn:aws:iam::000000000000:user/bob is not authorized to perform: "
                                + "sts:AssumeRole on resource: " + roleArn("open")));
    }

    @Test
    void anUnknownRoleIsRefusedLikeOneTheCallerMayNotAssume() {
        assertRefused(AssumeRoleRequest.builder().roleArn(roleArn("nope")).roleSessionName("kh-1"), "AccessDenied",
                "User: arn:aws:iam::000000000000:user/keyhole is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn("nope"));
    }

    @Test
    void aSourceIdentityNeedsSetSourceIdentity() {
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(roleArn("open")).roleSessionName("kh-2")
                .sourceIdentity("alice")))
                .hasMessageContaining("is not authorized to perform: sts:SetSourceIdentity on resource: " + roleArn("open"));
    }

    @Test
    void sessionTagsNeedTagSession() {
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(roleArn("open")).roleSessionName("kh-3")
                .tags(Tag.builder().key("ticket").value("INC-1").build())))
                .hasMessageContaining("is not authorized to perform: sts:TagSession on resource: " + roleArn("open"));
    }

    @Test
    void aDurationBelowFifteenMinutesIsInvalid() {
        assertRefused(reader("kh-4").durationSeconds(899), "ValidationError", "1 validation error detected: Value '899' "
                + "at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
    }

    @Test
    void aDurationAboveTwelveHoursIsInvalid() {
        assertRefused(reader("kh-5").durationSeconds(43201), "ValidationError", "1 validation error detected: Value "
                + "'43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal "
                + "to 43200");
    }

    @Test
    void aDurationAboveTheRolesMaximumIsRefused() {
        assertRefused(reader("kh-6").durationSeconds(7201), "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertThat(assume(reader("kh-7").durationSeconds(7200)).credentials()).isNotNull();
    }

    @Test
    void aSessionNameMustBeTwoToSixtyFourOfTheAllowedCharacters() {
        assertRefused(reader("k"), "ValidationError", "1 validation error detected: Value 'k' at 'roleSessionName' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 2");
        String long65 = "k".repeat(65);
        assertRefused(reader(long65), "ValidationError", "1 validation error detected: Value '" + long65
                + "' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64");
        assertRefused(reader("kh 8"), "ValidationError", "1 validation error detected: Value 'kh 8' at "
                + "'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\w+=,.@-]*");
        assertThat(assume(reader("a+=,.@-_9")).assumedRoleUser().arn()).endsWith("/a+=,.@-_9");
    }

    @Test
    void aSessionPolicyLargerThanTheLimitIsTooLarge() {
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:Query\","
                + "\"Resource\":[" + "\"arn:aws:dynamodb:us-east-1:000000000000:table/T\",".repeat(60) + "\"*\"]}]}";
        assertThatThrownBy(() -> assume(reader("kh-9").policy(big)))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge"));
    }

    @Test
    void aSessionPolicyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> assume(reader("kh-10").policy("{not json")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void refusalsAreForbidden() {
        assertThatThrownBy(() -> assume(AssumeRoleRequest.builder().roleArn(roleArn("bobs")).roleSessionName("kh-11")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void aChainedRoleSessionGetsAtMostOneHour() {
        AssumeRoleResponse hub = assume(AssumeRoleRequest.builder().roleArn(roleArn("hub")).roleSessionName("kh-hub"));
        var fromHub = local.sts(hub.credentials());
        assertThatThrownBy(() -> fromHub.assumeRole(b -> b.roleArn(roleArn("open")).roleSessionName("kh-chain")
                .durationSeconds(3601)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by "
                                + "role chaining."));
        assertThat(fromHub.assumeRole(b -> b.roleArn(roleArn("open")).roleSessionName("kh-chain")
                .durationSeconds(3600)).assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/open/kh-chain");
    }
}
