package dev.keyhole.iam.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of {@code lint/cases.yaml}: each policy must produce exactly the check ids it lists. Every
 * check has a case that triggers it and one that must not.
 */
class LintCasesTest {

    private static final PolicyLinter LINTER = PolicyLinter.standard();

    static List<JsonNode> cases() throws Exception {
        try (InputStream in = LintCasesTest.class.getResourceAsStream("/lint/cases.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.forEach(out::add);
            return out;
        }
    }

    static Stream<Arguments> named() throws Exception {
        return cases().stream().map(c -> Arguments.of(c.get("note").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void reportsExactlyTheChecksTheCaseWants(String note, JsonNode c) {
        PolicyKind kind = c.has("kind") ? PolicyKind.parse(c.get("kind").asText()) : PolicyKind.MANAGED;
        Set<String> found = new TreeSet<>();
        LINTER.lint(c.get("policy").asText(), kind).forEach(f -> found.add(f.check().id()));
        Set<String> want = new TreeSet<>();
        c.get("want").forEach(w -> want.add(w.asText()));
        assertThat(found).as(note).isEqualTo(want);
    }

    @Test
    void everyPolicyCheckHasACaseThatTriggersItAndACleanCaseBesideIt() throws Exception {
        Set<Check> triggered = EnumSet.noneOf(Check.class);
        int clean = 0;
        for (JsonNode c : cases()) {
            c.get("want").forEach(w -> triggered.add(Check.byId(w.asText())));
            clean += c.get("want").isEmpty() ? 1 : 0;
        }
        Set<Check> tested = EnumSet.allOf(Check.class);
        // policy-size and suppression-without-justification are tested in LintReportTest
        tested.removeAll(EnumSet.of(Check.POLICY_SIZE, Check.SUPPRESSION_WITHOUT_JUSTIFICATION));
        assertThat(triggered).containsAll(tested);
        assertThat(clean).isGreaterThanOrEqualTo(15);
    }
}
