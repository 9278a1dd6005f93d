package dev.keyhole.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The shipped demo identities (examples/local/iam.yaml) as STS applies them: keyhole assumes the execution
 * role only with a source identity and only with keyhole's own session tags. How STS answers in general is
 * specified in {@code dev.keyhole.local.server}.
 */
class ShippedIdentitiesTest {

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
    void keyholeAssumesTheExecutionRoleWithASourceIdentityAndATicketTag() {
        AssumeRoleResponse r = engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("kh-abc")
                .sourceIdentity("alice").tags(Tag.builder().key("keyhole-ticket").value("INC-1").build()));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/keyhole-exec/kh-abc");
        assertThat(r.sourceIdentity()).isEqualTo("alice");
    }

    @Test
    void theTrustPolicyRequiresASourceIdentityAndOnlyKeyholesTags() {
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x2")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> engine.keyholeSts().assumeRole(b -> b.roleArn(ROLE).roleSessionName("x3")
                .sourceIdentity("alice").tags(Tag.builder().key("admin").value("true").build())))
                .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDenied"));
    }
}
