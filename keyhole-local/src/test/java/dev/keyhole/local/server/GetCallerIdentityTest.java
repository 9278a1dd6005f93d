package dev.keyhole.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.local.http.LocalServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** GetCallerIdentity answers who signed the request: a user, or a role session. */
class GetCallerIdentityTest {

    @RegisterExtension
    static final RunningEngine local = RunningEngine.withTestIdentities();

    @Test
    void aUserIsItsUserArnAndUniqueId() {
        GetCallerIdentityResponse me = local.keyholeSts().getCallerIdentity();
        assertThat(me.arn()).isEqualTo("arn:aws:iam::000000000000:user/keyhole");
        assertThat(me.userId()).matches("AIDA[A-Z0-9]+");
        assertThat(me.account()).isEqualTo("000000000000");
    }

    @Test
    void aRoleSessionIsItsAssumedRoleArnAndRoleIdWithSessionName() {
        AssumeRoleResponse r = local.keyholeSts().assumeRole(b -> b.roleArn(TestIdentities.roleArn("reader"))
                .roleSessionName("kh-who"));
        GetCallerIdentityResponse me = local.sts(r.credentials()).getCallerIdentity();
        assertThat(me.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/reader/kh-who");
        assertThat(me.userId()).isEqualTo(r.assumedRoleUser().assumedRoleId());
        assertThat(me.account()).isEqualTo("000000000000");
    }

    @Test
    void withoutAnIamFileTheExampleKeyIsAFullAccessAdmin() {
        try (RunningEngine bare = RunningEngine.with(LocalServerConfig.defaults())) {
            assertThat(bare.sts(TestIdentities.ADMIN_KEY, TestIdentities.ADMIN_SECRET).getCallerIdentity().arn())
                    .isEqualTo("arn:aws:iam::000000000000:user/admin");
            assertThat(bare.dynamoDb(TestIdentities.ADMIN_KEY, TestIdentities.ADMIN_SECRET).listTables().tableNames())
                    .containsExactly("Orders");
        }
    }
}
