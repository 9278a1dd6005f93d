package dev.keyhole.iam.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keyhole.iam.evaluate.Decision;
import dev.keyhole.iam.evaluate.Outcome;
import dev.keyhole.iam.evaluate.PolicyType;
import dev.keyhole.iam.simulate.CaseReader;
import dev.keyhole.iam.simulate.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the conformance corpus: one YAML file per case under {@code src/test/resources/conformance},
 * each stating the inputs, the wanted decision, the deciding statement (or the policy types with no
 * Allow), and the AWS documentation page it follows. Known failures are listed, one file name a line,
 * in {@code KNOWN_FAILURES.txt} beside the cases; a listed case that starts passing fails the run so
 * the list stays honest.
 */
class ConformanceTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DIR = Paths.get("src/test/resources/conformance");

    @TestFactory
    Stream<DynamicTest> everyCaseDecidesAsAwsDocuments() throws IOException {
        Set<String> known = knownFailures();
        return cases().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String fileName = file.getFileName().toString();
            AssertionError failure = null;
            try {
                check(file);
            } catch (AssertionError | RuntimeException e) {
                failure = e instanceof AssertionError a ? a : new AssertionError(e.toString(), e);
            }
            if (known.contains(fileName)) {
                assertThat(failure).as("%s is listed in KNOWN_FAILURES.txt but passes; remove it", fileName)
                        .isNotNull();
            } else if (failure != null) {
                throw failure;
            }
        }));
    }

    @Test
    void corpusIsLargeAndEveryCaseCitesAnAwsPage() throws IOException {
        List<Path> files = cases().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(200);
        for (Path f : files) {
            JsonNode node = YAML.readTree(f.toFile());
            assertThat(node.path("note").asText()).as("%s note", f).isNotBlank();
            assertThat(node.path("doc").asText()).as("%s doc", f).startsWith("https://docs.aws.amazon.com/");
        }
    }

    private static void check(Path file) throws IOException {
        JsonNode node = YAML.readTree(file.toFile());
        JsonNode want = node.get("want");
        Decision d = Simulator.evaluate(CaseReader.read(node));
        String why = node.path("note").asText() + " — " + node.path("doc").asText() + "\n  got: " + d.explain()
                + "\n  trace: " + d.trace();
        assertThat(d.outcome().label()).as(why).isEqualTo(want.path("decision").asText());
        if (want.hasNonNull("decidedBy")) {
            assertThat(String.valueOf(d.decidedBy())).as(why).isEqualTo(want.get("decidedBy").asText());
        }
        if (d.outcome() == Outcome.IMPLICIT_DENY && want.has("noAllowIn")) {
            List<String> wanted = new ArrayList<>();
            want.get("noAllowIn").forEach(n -> wanted.add(n.asText()));
            assertThat(d.noAllowIn().stream().map(PolicyType::label).toList()).as(why).isEqualTo(wanted);
        }
    }

    private static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static Set<String> knownFailures() throws IOException {
        Path f = DIR.resolve("KNOWN_FAILURES.txt");
        if (!Files.exists(f)) {
            return Set.of();
        }
        return Set.copyOf(Files.readAllLines(f).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }
}
