package dev.keyhole.drift.privileges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.policy.Policy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Policy versions through the SDK's IamClient against {@link FakeIam}; IAM's rules from
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html.
 */
class PolicyVersionsTest {

    static final String ARN = "arn:aws:iam::111122223333:policy/orders-rw";
    static final String WIDE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}";
    static final Policy NARROW = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"dynamodb:Query\",\"Resource\":\"arn:aws:dynamodb:eu-west-1:111122223333:table/Orders\"}]}");

    FakeIam fake;
    IamClient iam;
    PolicyVersions versions;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeIam();
        iam = fake.client();
        versions = new PolicyVersions(iam);
    }

    @AfterEach
    void stop() {
        iam.close();
        fake.close();
    }

    @Test
    void applyingWritesANewDefaultVersionAndKeepsThePreviousOne() {
        fake.policy(ARN, WIDE);

        PolicyVersions.Applied a = versions.apply(ARN, NARROW);

        assertThat(a.previousDefault()).isEqualTo("v1");
        assertThat(a.newVersion()).isEqualTo("v2");
        assertThat(a.deleted()).isNull();
        assertThat(fake.defaultVersion(ARN)).isEqualTo("v2");
        assertThat(fake.versionIds(ARN)).containsExactly("v1", "v2");
        assertThat(PolicyParser.parse(fake.document(ARN, "v2"))).isEqualTo(NARROW);
    }

    @Test
    void atFiveVersionsTheOldestThatIsNotTheDefaultGoesFirst() {
        fake.policy(ARN, WIDE, WIDE, WIDE, WIDE, WIDE);
        iam.setDefaultPolicyVersion(r -> r.policyArn(ARN).versionId("v1"));

        PolicyVersions.Applied a = versions.apply(ARN, NARROW);

        assertThat(a.deleted()).isEqualTo("v2");
        assertThat(a.previousDefault()).isEqualTo("v1");
        assertThat(fake.versionIds(ARN)).containsExactly("v1", "v3", "v4", "v5", "v6");
        assertThat(fake.defaultVersion(ARN)).isEqualTo("v6");
    }

    @Test
    void rollbackMakesThePreviousVersionTheDefaultAgain() {
        fake.policy(ARN, WIDE);
        versions.apply(ARN, NARROW);

        PolicyVersions.RolledBack r = versions.rollback(ARN);

        assertThat(r.from()).isEqualTo("v2");
        assertThat(r.to()).isEqualTo("v1");
        assertThat(fake.defaultVersion(ARN)).isEqualTo("v1");
    }

    @Test
    void rollbackWithNothingOlderSaysSoAndChangesNothing() {
        fake.policy(ARN, WIDE);

        assertThatThrownBy(() -> versions.rollback(ARN)).hasMessageContaining("no version older than the default `v1`");
        assertThat(fake.calls).doesNotContain("SetDefaultPolicyVersion");
    }

    @Test
    void aPolicyThatWouldKeepNoStatementIsNotWritten() {
        fake.policy(ARN, WIDE);

        assertThatThrownBy(() -> versions.apply(ARN, new Policy(Policy.VERSION_2012, null, List.of())))
                .hasMessageContaining("detach it");
        assertThat(fake.calls).doesNotContain("CreatePolicyVersion");
    }

    @Test
    void liveDetailsFollowEveryPageAndDecodeDocuments() {
        fake.policy(ARN, WIDE);
        fake.role(new FakeIam.Role("a", "arn:aws:iam::111122223333:role/a", Map.of("inline", WIDE), List.of(ARN)));
        fake.role(new FakeIam.Role("b", "arn:aws:iam::111122223333:role/b", Map.of(), List.of(ARN)));

        AuthorizationDetails d = LiveAuthorizationDetails.fetch(iam);

        assertThat(d.principals()).extracting(AuthorizationDetails.Principal::name).containsExactly("a", "b");
        assertThat(d.principals().get(0).inline().get(0).policy()).isEqualTo(PolicyParser.parse(WIDE));
        assertThat(d.managed().get(ARN).document()).isEqualTo(PolicyParser.parse(WIDE));
        assertThat(fake.calls.stream().filter("GetAccountAuthorizationDetails"::equals)).hasSize(2);
    }
}
