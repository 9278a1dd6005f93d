package dev.keyhole.server.iamauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A service principal's runs carry an STS SourceIdentity STS accepts: people unchanged, ARNs made legal. */
class SourceIdentityTest {

    private static final String LEGAL = "[\\w+=,.@-]{2,64}";

    @Test
    void aPersonsNameIsTheSourceIdentity() {
        assertThat(new Caller("alice", Set.of()).sourceIdentity()).isEqualTo("alice");
    }

    @Test
    void aRoleArnKeepsItsWordsWithLegalSeparators() {
        assertThat(new Caller("arn:aws:iam::000000000000:role/billing-worker", Set.of()).sourceIdentity())
                .isEqualTo("arn.aws.iam..000000000000.role.billing-worker").matches(LEGAL);
    }

    @Test
    void aLongArnIsCutWithAHashSoTwoLongArnsStayApart() {
        String a = new Caller("arn:aws:iam::000000000000:role/" + "x".repeat(60) + "-a", Set.of()).sourceIdentity();
        String b = new Caller("arn:aws:iam::000000000000:role/" + "x".repeat(60) + "-b", Set.of()).sourceIdentity();
        assertThat(a).matches(LEGAL).hasSize(64);
        assertThat(b).matches(LEGAL).isNotEqualTo(a);
    }
}
