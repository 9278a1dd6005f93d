package dev.keyhole.runbook.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.Runbook;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookLoaderTest {

    private static List<String> problems(String yaml) {
        return RunbookLoader.load("rb.yaml", yaml).problems().stream().map(RunbookProblem::toString).toList();
    }

    private static final String VALID = """
            name: orders-by-customer
            description: d
            owner: o
            target:
              account: "111122223333"
              region: eu-west-1
              table: Orders
              role: arn:aws:iam::111122223333:role/keyhole-exec
              keys: {partition: customerId, sort: orderId}
            parameters:
              customerId: {type: string, required: true}
            queries:
              recent:
                keyCondition: customerId = :customerId
                projection: [orderId, status]
            access:
              runners: [group:oncall]
            """;

    @Test
    void theShippedDemoRunbooksLoadWithoutProblems() throws Exception {
        RunbookLoader.Result r = RunbookLoader.loadDirectory(Paths.get("../examples/runbooks"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.runbooks()).extracting(Runbook::name)
                .containsExactly("customer-profile", "orders-by-customer", "payments-by-order");
        assertThat(r.runbooks().get(0).defaultQuery().operation()).isEqualTo(Operation.GET_ITEM);
        assertThat(r.runbooks().get(1).contentHash()).hasSize(64);
    }

    @Test
    void aValidRunbookHasNoProblems() {
        assertThat(problems(VALID)).isEmpty();
    }

    @Test
    void unknownFieldsAreReportedWithLineColumnAndASuggestion() {
        assertThat(problems(VALID.replace("owner: o", "owner: o\nownr: x")))
                .containsExactly("rb.yaml:4:1: unknown field `ownr` in the runbook; did you mean `owner`?");
    }

    @Test
    void undeclaredAndUnusedParametersAreBothReported() {
        List<String> ps = problems(VALID
                .replace("customerId: {type: string, required: true}", "customerId: {type: string}\n  since: {type: datetime}")
                .replace("customerId = :customerId", "customerId = :customerId AND orderId > :after"));
        assertThat(ps).anySatisfy(p -> assertThat(p).contains("uses `:after` but no parameter `after` is declared"));
        assertThat(ps).anySatisfy(p -> assertThat(p).startsWith("rb.yaml:12:").contains("`since` is declared but no query uses it"));
    }

    @Test
    void aKeyConditionThatDoesNotPinThePartitionKeyIsRejected() {
        assertThat(problems(VALID.replace("customerId = :customerId", "customerId > :customerId")))
                .singleElement().asString().startsWith("rb.yaml:14:").contains("must pin the partition key `customerId` with `=`");
    }

    @Test
    void aMissingProjectionIsRejected() {
        assertThat(problems(VALID.replace("    projection: [orderId, status]\n", "")))
                .singleElement().asString().contains("needs an explicit `projection`");
    }

    @Test
    void anIndexTheSchemaDoesNotDeclareIsRejected() {
        assertThat(problems(VALID.replace("    keyCondition:", "    index: byStatus\n    keyCondition:")))
                .singleElement().asString().contains("index `byStatus` is not declared");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> ps = problems(VALID.replace("account: \"111122223333\"", "account: 42")
                .replace("region: eu-west-1", "region: Europe")
                .replace("runners: [group:oncall]", "runners: [oncall]"));
        assertThat(ps).hasSize(3);
    }

    @Test
    void expressionSyntaxErrorsAreReportedWithDynamoDbsWordingAndLocated() {
        assertThat(problems(VALID.replace("    projection: [orderId, status]", "    filter: total >\n    projection: [orderId, status]")))
                .singleElement().asString().startsWith("rb.yaml:15:").contains("`filter` of query `recent` is not valid")
                .contains("Syntax error");
    }

    @Test
    void aBareReservedWordGetsTheHashFix() {
        assertThat(problems(VALID.replace("    projection: [orderId, status]",
                "    filter: status = :customerId\n    projection: [orderId, status]")))
                .singleElement().asString().contains("reserved keyword").contains("write `#status` instead");
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        assertThat(problems("name: [unclosed\n")).singleElement().asString().startsWith("rb.yaml:").contains("not valid YAML");
    }

    @Test
    void invalidDefaultsAreRejected() {
        assertThat(problems(VALID.replace("{type: string, required: true}", "{type: string, pattern: \"^C-\\\\d+$\", default: X}")))
                .singleElement().asString().contains("invalid default");
    }
}
