package dev.keyhole.server.iamauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.gateway.Caller;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A service principal's runs carry an STS SourceIdentity STS accepts: people unchanged, ARNs made legal. */
class SourceIdentityTest {

    private static final String LEGAL = "[\\w+=,.@-]{2,64}";

    @Test
    void aNameOfOneEmojiStillBecomesTwoLegalCharacters() {
        assertThat(new Caller("\uD83D\uDE00", Set.of()).sourceIdentity()).isEqualTo("..");
    }

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

    @Test
    void aNameStsTakesIsKeptAsItIsAndEveryOtherBecomesOneItTakes() {
        // The check is a plain character loop (it runs for every record of every run); the regular expression
        // STS documents is the reference it must agree with.
        String alphabet = "abcXYZ019_+=,.@-:/ é\u00e9\u0130\u212a\t*#";
        java.util.Random random = new java.util.Random(20261208);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(70); n >= 0; n--) {
                if (random.nextInt(8) == 0) {
                    name.append("\uD83D\uDE00"); // a whole emoji: two UTF-16 units, one code point
                }
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String given = name.toString();
            String identity = new Caller(given, Set.of()).sourceIdentity();
            assertThat(identity).as("for %s", given).matches(LEGAL);
            if (given.matches(LEGAL)) {
                assertThat(identity).isEqualTo(given);
            } else {
                assertThat(identity).isNotEqualTo(given);
            }
        }
    }
}
