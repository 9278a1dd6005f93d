package dev.keyhole.drift.privileges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.map.ActionMapper;
import dev.keyhole.drift.trail.TrailEvent;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.policy.Policy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input shaped as https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html returns it. */
class UnusedAnalyzerTest {

    static final String A = "111122223333";
    static final String ORDERS = "arn:aws:dynamodb:eu-west-1:" + A + ":table/Orders";
    static final String ORDERS_RW = "arn:aws:iam::" + A + ":policy/orders-rw";
    static final String SERVICE = "arn:aws:iam::" + A + ":role/orders-service";
    static final String BATCH = "arn:aws:iam::" + A + ":role/orders-batch";

    static final String ORDERS_RW_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Orders\",\"Effect\":\"Allow\","
            + "\"Action\":[\"dynamodb:*\",\"s3:GetObject\"],\"Resource\":[\"" + ORDERS + "\",\"" + ORDERS + "/index/*\","
            + "\"arn:aws:s3:::exports/*\"]},{\"Effect\":\"Deny\",\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}";
    static final String PROFILE_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:eu-west-1:" + A + ":table/Customers\"}]}";

    @TempDir
    Path dir;

    AuthorizationDetails details;
    Usage usage = new Usage(new ActionMapper(t -> Optional.empty()));

    static String pages(boolean truncatedLast) {
        String page1 = "{\"RoleDetailList\":[{\"RoleName\":\"orders-service\",\"Arn\":\"" + SERVICE + "\","
                + "\"RolePolicyList\":[{\"PolicyName\":\"profile\",\"PolicyDocument\":\""
                + URLEncoder.encode(PROFILE_DOC, StandardCharsets.UTF_8).replace("+", "%20") + "\"}],"
                + "\"AttachedManagedPolicies\":[{\"PolicyName\":\"orders-rw\",\"PolicyArn\":\"" + ORDERS_RW + "\"}]}],"
                + "\"Policies\":[{\"PolicyName\":\"orders-rw\",\"Arn\":\"" + ORDERS_RW + "\",\"DefaultVersionId\":\"v2\","
                + "\"PolicyVersionList\":[{\"VersionId\":\"v2\",\"IsDefaultVersion\":true,\"Document\":" + ORDERS_RW_DOC + "},"
                + "{\"VersionId\":\"v1\",\"IsDefaultVersion\":false,\"Document\":{\"Version\":\"2012-10-17\",\"Statement\":[]}}]}],"
                + "\"IsTruncated\":true,\"Marker\":\"m1\"}";
        String page2 = "{\"RoleDetailList\":[{\"RoleName\":\"orders-batch\",\"Arn\":\"" + BATCH + "\","
                + "\"AttachedManagedPolicies\":[{\"PolicyName\":\"orders-rw\",\"PolicyArn\":\"" + ORDERS_RW + "\"}]}],"
                + "\"IsTruncated\":" + truncatedLast + "}";
        return page1 + "\n" + page2;
    }

    @BeforeEach
    void setUp() throws IOException {
        Path file = dir.resolve("authz.json");
        Files.writeString(file, pages(false));
        details = AuthorizationDetailsReader.read(file);
    }

    private void used(String roleArn, String operation, String params) throws IOException {
        String arn = roleArn.replace(":iam:", ":sts:").replace(":role/", ":assumed-role/") + "/s1";
        usage.accept(new TrailEvent("e" + System.nanoTime(), Instant.EPOCH, TrailEvent.DYNAMODB, operation, "eu-west-1", A,
                new TrailEvent.Identity("AssumedRole", arn, "ASIA1", null), null, params, "t"));
    }

    @Test
    void pagesAreMergedAndUrlEncodedDocumentsDecoded() throws IOException {
        assertThat(details.principals()).extracting(AuthorizationDetails.Principal::arn).containsExactly(SERVICE, BATCH);
        assertThat(details.principals().get(0).inline().get(0).policy().statements()).hasSize(1);
        assertThat(details.managed().get(ORDERS_RW).defaultVersionId()).isEqualTo("v2");
        assertThat(details.incomplete()).isFalse();

        Files.writeString(dir.resolve("cut.json"), pages(true));
        assertThat(AuthorizationDetailsReader.read(dir.resolve("cut.json")).incomplete()).isTrue();
    }

    @Test
    void grantedActionsNobodyUsedAreListedPerPrincipal() throws IOException {
        used(SERVICE, "Query", "{\"tableName\":\"Orders\",\"keyConditionExpression\":\"customerId = :c\"}");

        UnusedReport r = UnusedAnalyzer.analyze(details, usage);

        UnusedReport.PrincipalUsage service = r.principals().stream().filter(p -> p.arn().equals(SERVICE)).findFirst().orElseThrow();
        assertThat(service.granted()).contains("dynamodb:Query", "dynamodb:PutItem", "dynamodb:GetItem")
                .doesNotContain("dynamodb:DeleteTable");
        assertThat(service.used()).containsExactly("dynamodb:Query");
        assertThat(service.unused()).contains("dynamodb:PutItem", "dynamodb:GetItem").doesNotContain("dynamodb:Query");
    }

    @Test
    void theNarrowedPolicyAllowsWhatWasUsedAndNoMoreDynamoDbAndKeepsOtherServices() throws IOException {
        used(SERVICE, "Query", "{\"tableName\":\"Orders\",\"keyConditionExpression\":\"customerId = :c\"}");

        Policy narrowed = proposal(UnusedAnalyzer.analyze(details, usage), ORDERS_RW).narrowed();

        PolicySet set = PolicySet.builder().identity(narrowed).build();
        var who = Grants.principal("role", SERVICE);
        assertThat(Grants.allows(set, who, "dynamodb:Query", ORDERS)).isTrue();
        assertThat(Grants.allows(set, who, "dynamodb:PutItem", ORDERS)).isFalse();
        assertThat(Grants.allows(set, who, "dynamodb:Query", ORDERS + "/index/byStatus")).isFalse();
        assertThat(Grants.allows(set, who, "s3:GetObject", "arn:aws:s3:::exports/a.csv")).isTrue();
        assertThat(Grants.allows(set, who, "dynamodb:DeleteTable", ORDERS)).isFalse();
    }

    @Test
    void aPolicySharedByTwoPrincipalsKeepsWhatEitherUsed() throws IOException {
        used(SERVICE, "Query", "{\"tableName\":\"Orders\"}");
        used(BATCH, "PutItem", "{\"tableName\":\"Orders\",\"item\":{\"customerId\":\"C-1\"}}");

        UnusedReport.Proposal p = proposal(UnusedAnalyzer.analyze(details, usage), ORDERS_RW);

        assertThat(p.attachedTo()).containsExactlyInAnyOrder(SERVICE, BATCH);
        assertThat(p.customerManaged()).isTrue();
        PolicySet set = PolicySet.builder().identity(p.narrowed()).build();
        assertThat(Grants.allows(set, Grants.principal("role", BATCH), "dynamodb:PutItem", ORDERS)).isTrue();
        assertThat(Grants.allows(set, Grants.principal("role", BATCH), "dynamodb:Query", ORDERS)).isTrue();
        assertThat(Grants.allows(set, Grants.principal("role", BATCH), "dynamodb:DeleteItem", ORDERS)).isFalse();
    }

    @Test
    void aPolicyNobodyUsedIsProposedForDetaching() {
        UnusedReport.Proposal inline = proposal(UnusedAnalyzer.analyze(details, usage), SERVICE + "#inline/profile");

        assertThat(inline.nothingUsed()).isTrue();
        assertThat(inline.customerManaged()).isFalse();
    }

    @Test
    void refusedCallsAreNotUse() throws IOException {
        usage.accept(new TrailEvent("denied", Instant.EPOCH, TrailEvent.DYNAMODB, "Scan", "eu-west-1", A,
                new TrailEvent.Identity("AssumedRole", "arn:aws:sts::" + A + ":assumed-role/orders-service/s", null, null),
                "AccessDenied", "{\"tableName\":\"Orders\"}", "t"));

        assertThat(usage.of(SERVICE)).isEmpty();
    }

    private static UnusedReport.Proposal proposal(UnusedReport r, String policy) {
        return r.proposals().stream().filter(p -> p.policy().equals(policy)).findFirst().orElseThrow();
    }
}
