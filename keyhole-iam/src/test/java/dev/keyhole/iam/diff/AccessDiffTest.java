package dev.keyhole.iam.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.policy.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the "no new access" answer says for the changes a runbook review meets. */
class AccessDiffTest {

    private static final String ORDERS = "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders";
    private static final AccessDiff DIFF = AccessDiff.withBound(1_000_000);

    private static Policy policy(String actions, String conditions) {
        return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":\"" + ORDERS + "\",\"Condition\":" + conditions + "}]}");
    }

    private static final String GUARDED = "{\"ForAllValues:StringEquals\":{\"dynamodb:LeadingKeys\":[\"C1\"]},"
            + "\"Null\":{\"dynamodb:LeadingKeys\":\"false\"},\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}";

    @Test
    void theSamePolicyGrantsNothingNew() {
        DiffResult r = DIFF.compare(List.of(policy("\"dynamodb:Query\"", GUARDED)), List.of(policy("\"dynamodb:Query\"", GUARDED)));
        assertThat(r.newAccess()).isFalse();
        assertThat(r.boundHit()).isFalse();
        assertThat(r.evaluated()).isEqualTo(r.space());
    }

    @Test
    void addingScanIsNewAccessAndTheWitnessIsAScan() {
        DiffResult r = DIFF.compare(List.of(policy("\"dynamodb:Query\"", "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}")),
                List.of(policy("[\"dynamodb:Query\",\"dynamodb:Scan\"]", "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}")));
        assertThat(r.witness()).hasValueSatisfying(w -> {
            assertThat(w.action()).isEqualTo("dynamodb:Scan");
            assertThat(w.resource()).isEqualTo(ORDERS);
            assertThat(w.context().get("aws:RequestedRegion").values()).containsExactly("eu-west-1");
        });
    }

    @Test
    void droppingTheNullGuardLetsARequestWithoutLeadingKeysThrough() {
        String unguarded = GUARDED.replace("\"Null\":{\"dynamodb:LeadingKeys\":\"false\"},", "");
        DiffResult r = DIFF.compare(List.of(policy("\"dynamodb:Query\"", GUARDED)), List.of(policy("\"dynamodb:Query\"", unguarded)));
        assertThat(r.witness()).hasValueSatisfying(w -> assertThat(w.context()).doesNotContainKey("dynamodb:LeadingKeys"));
    }

    @Test
    void anotherPartitionKeyValueIsNewAccessButFewerValuesIsNot() {
        String two = GUARDED.replace("[\"C1\"]", "[\"C1\",\"C2\"]");
        DiffResult wider = DIFF.compare(List.of(policy("\"dynamodb:Query\"", GUARDED)), List.of(policy("\"dynamodb:Query\"", two)));
        assertThat(wider.witness()).hasValueSatisfying(w ->
                assertThat(w.context().get("dynamodb:LeadingKeys").values()).contains("C2"));
        DiffResult narrower = DIFF.compare(List.of(policy("\"dynamodb:Query\"", two)), List.of(policy("\"dynamodb:Query\"", GUARDED)));
        assertThat(narrower.newAccess()).isFalse();
    }

    @Test
    void aLaterExpiryIsNewAccessAtTheOldExpiry() {
        String soon = "{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-01T00:00:00Z\"}}";
        String later = "{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-02T00:00:00Z\"}}";
        DiffResult r = DIFF.compare(List.of(policy("\"dynamodb:Query\"", soon)), List.of(policy("\"dynamodb:Query\"", later)));
        assertThat(r.witness()).hasValueSatisfying(w ->
                assertThat(w.context().get("aws:CurrentTime").values()).containsExactly("2026-12-01T00:00:00Z"));
    }

    @Test
    void aSearchThatStopsAtItsBoundSaysSo() {
        String many = "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\",\"dynamodb:Select\":\"COUNT\"},"
                + "\"ForAnyValue:StringEquals\":{\"dynamodb:Attributes\":[\"a\",\"b\",\"c\"]}}";
        DiffResult r = AccessDiff.withBound(5).compare(List.of(policy("\"dynamodb:Query\"", many)),
                List.of(policy("\"dynamodb:Query\"", many)));
        assertThat(r.boundHit()).isTrue();
        assertThat(r.evaluated()).isEqualTo(5);
        assertThat(r.space()).isGreaterThan(5);
    }

    @Test
    void anEmptyOldSideMakesEveryAllowNew() {
        DiffResult r = DIFF.compare(List.of(), List.of(policy("\"dynamodb:GetItem\"", GUARDED)));
        assertThat(r.witness()).hasValueSatisfying(w -> assertThat(w.action()).isEqualTo("dynamodb:GetItem"));
    }

    @Test
    void valuesTheConditionsDecideAlikeAreTriedOnce() {
        String tight = "{\"ForAllValues:StringLike\":{\"dynamodb:Attributes\":[\"a\",\"b\",\"c\",\"d\",\"e\"]},"
                + "\"Null\":{\"dynamodb:Attributes\":\"false\"},"
                + "\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"],\"dynamodb:Select\":\"COUNT\"},"
                + "\"DateLessThan\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"},\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                + "\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]}}";
        Policy p = policy("[\"dynamodb:Query\",\"dynamodb:GetItem\"]", tight);
        DiffResult r = DIFF.compare(List.of(p), List.of(p));
        assertThat(r.newAccess()).isFalse();
        // 3 attribute classes (absent, inside, outside) x 2 per other key, for a few action and resource classes
        assertThat(r.space()).isLessThan(2_000);
    }
}
