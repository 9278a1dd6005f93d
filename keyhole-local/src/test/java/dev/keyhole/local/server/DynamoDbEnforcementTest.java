package dev.keyhole.local.server;

import static dev.keyhole.local.server.TestIdentities.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * IAM on DynamoDB calls: allowed calls reach the service, denied ones never do, and each denial names the
 * policy type that is missing an Allow or holds the Deny, as AWS words it.
 */
class DynamoDbEnforcementTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders";
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"));

    @RegisterExtension
    static final RunningEngine local = RunningEngine.withTestIdentities();

    private static DynamoDbClient session(String role, String name, String sessionPolicy) {
        return session(AssumeRoleRequest.builder().roleArn(roleArn(role)).roleSessionName(name).policy(sessionPolicy));
    }

    private static DynamoDbClient session(AssumeRoleRequest.Builder request) {
        return local.dynamoDb(local.keyholeSts().assumeRole(request.build()).credentials());
    }

    private static QueryResponse query(DynamoDbClient db) {
        return db.query(b -> b.tableName("Orders").keyConditionExpression("pk = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("a"))));
    }

    private static void assertDenied(Executable call, String message) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
        assertThat(local.dynamo.operations()).isEmpty();
    }

    private static String denied(String who, String action) {
        return "User: " + who + " is not authorized to perform: " + action + " on resource: " + TABLE;
    }

    @Test
    void anAllowedCallReachesTheServiceAndGetsItsAnswer() {
        assertThat(query(session("reader", "kh-ok", null)).items()).containsExactly(KEY);
        assertThat(local.dynamo.operations()).containsExactly("Query");
    }

    @Test
    void aUserWithoutPoliciesIsDeniedForLackOfAnIdentityBasedPolicy() {
        assertDenied(() -> query(local.dynamoDb(TestIdentities.BOB_KEY, TestIdentities.BOB_SECRET)),
                denied("arn:aws:iam::000000000000:user/bob", "dynamodb:Query")
                        + " because no identity-based policy allows the dynamodb:Query action");
    }

    @Test
    void aSessionPolicyThatDoesNotAllowTheActionDenies() {
        DynamoDbClient db = session("reader", "kh-s1", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}");
        assertDenied(() -> query(db), denied("arn:aws:sts::000000000000:assumed-role/reader/kh-s1", "dynamodb:Query")
                + " because no session policy allows the dynamodb:Query action");
    }

    @Test
    void aPermissionsBoundaryThatDoesNotAllowTheActionDenies() {
        DynamoDbClient db = session("bounded", "kh-b1", null);
        assertDenied(() -> query(db), denied("arn:aws:sts::000000000000:assumed-role/bounded/kh-b1", "dynamodb:Query")
                + " because no permissions boundary allows the dynamodb:Query action");
        assertThat(db.getItem(b -> b.tableName("Orders").key(KEY)).item()).isEqualTo(KEY);
        assertThat(local.dynamo.operations()).containsExactly("GetItem");
    }

    @Test
    void anExplicitDenyInAnIdentityBasedPolicyDenies() {
        DynamoDbClient db = session("reader", "kh-d1", null);
        assertDenied(() -> db.scan(b -> b.tableName("Orders")),
                denied("arn:aws:sts::000000000000:assumed-role/reader/kh-d1", "dynamodb:Scan")
                        + " with an explicit deny in an identity-based policy");
    }

    @Test
    void anExplicitDenyInASessionPolicyDenies() {
        DynamoDbClient db = session("reader", "kh-d2", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}");
        assertDenied(() -> db.getItem(b -> b.tableName("Orders").key(KEY)),
                denied("arn:aws:sts::000000000000:assumed-role/reader/kh-d2", "dynamodb:GetItem")
                        + " with an explicit deny in a session policy");
    }

    @Test
    void anExplicitDenyInAPermissionsBoundaryDenies() {
        DynamoDbClient db = session("bounded", "kh-d3", null);
        assertDenied(() -> db.deleteItem(b -> b.tableName("Orders").key(KEY)),
                denied("arn:aws:sts::000000000000:assumed-role/bounded/kh-d3", "dynamodb:DeleteItem")
                        + " with an explicit deny in a permissions boundary");
    }

    @Test
    void sourceIdentityAndSessionTagsAreConditionKeys() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:Query\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceIdentity\":\"alice\","
                + "\"aws:PrincipalTag/ticket\":\"INC-1\",\"aws:RequestedRegion\":\"us-east-1\","
                + "\"aws:PrincipalArn\":\"arn:aws:iam::000000000000:role/reader\"}}}]}";
        query(session(AssumeRoleRequest.builder().roleArn(roleArn("reader")).roleSessionName("kh-c1").policy(policy)
                .sourceIdentity("alice").tags(Tag.builder().key("ticket").value("INC-1").build())));
        assertThat(local.dynamo.operations()).containsExactly("Query");
        local.dynamo.forget();
        DynamoDbClient bob = session(AssumeRoleRequest.builder().roleArn(roleArn("reader")).roleSessionName("kh-c2")
                .policy(policy).sourceIdentity("bob").tags(Tag.builder().key("ticket").value("INC-1").build()));
        assertDenied(() -> query(bob), denied("arn:aws:sts::000000000000:assumed-role/reader/kh-c2", "dynamodb:Query")
                + " because no session policy allows the dynamodb:Query action");
    }

    @Test
    void plainHttpIsNotSecureTransport() {
        DynamoDbClient db = session("reader", "kh-tls", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"dynamodb:Query\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                + "{\"aws:SecureTransport\":\"true\"}}}]}");
        assertDenied(() -> query(db), denied("arn:aws:sts::000000000000:assumed-role/reader/kh-tls", "dynamodb:Query")
                + " because no session policy allows the dynamodb:Query action");
    }
}
