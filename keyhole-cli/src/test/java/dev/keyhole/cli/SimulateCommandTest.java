package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Paths.get("../examples/simulate");

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shippedExampleDecidesEveryCaseAsItsNameSays() throws Exception {
        Run r = run("policy", "simulate", "--cases", EXAMPLES.resolve("cases.jsonl").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).extracting(n -> n.get("decision").asText())
                .containsExactly("Allow", "ImplicitDeny", "ImplicitDeny", "ExplicitDeny", "ImplicitDeny", "ImplicitDeny");
        assertThat(lines.get(3).get("decidedBy").asText()).isEqualTo("identity[0]/NoScans");
        assertThat(lines.get(1).get("noAllowIn").get(0).asText()).isEqualTo("sessionPolicy");
    }

    @Test
    void malformedCaseGetsAnErrorLineAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("c.jsonl");
        String good = Files.readAllLines(EXAMPLES.resolve("cases.jsonl")).get(0);
        Files.writeString(cases, "{not json\n" + good + "\n{\"name\":\"no request\"}\n");
        Run r = run("policy", "simulate", "--cases", cases.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INVALID_INPUT);
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("error").asText()).contains("line 1");
        assertThat(JSON.readTree(lines[1]).get("decision").asText()).isEqualTo("Allow");
        assertThat(JSON.readTree(lines[2]).get("error").asText()).contains("request");
        assertThat(JSON.readTree(lines[2]).get("name").asText()).isEqualTo("no request");
    }

    @Test
    void singleCaseExplainsForPeopleAndExitsDenied() {
        Run r = run("policy", "simulate", "--explain", "--action", "dynamodb:Scan",
                "--resource", "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders",
                "--principal", "arn:aws:sts::111122223333:assumed-role/keyhole-exec/s",
                "-i", EXAMPLES.resolve("execution-role.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.DENIED);
        assertThat(r.out()).contains("decision: ExplicitDeny").contains("identity[0]/NoScans denies explicitly");
    }

    @Test
    void singleCaseAllowedExitsZeroWithJson() throws Exception {
        Run r = run("policy", "simulate", "--action", "dynamodb:GetItem",
                "--resource", "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders",
                "--principal", "arn:aws:sts::111122223333:assumed-role/keyhole-exec/s",
                "-c", "aws:RequestedRegion=eu-west-1",
                "-i", EXAMPLES.resolve("execution-role.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(JSON.readTree(r.out()).get("decidedBy").asText()).isEqualTo("identity[0]/RunbookReads");
    }

    @Test
    void missingFlagsAndFilesAreInvalidInput() {
        assertThat(run("policy", "simulate").exit()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("policy", "simulate", "--cases", "/nonexistent.jsonl").err()).contains("no such file");
        assertThat(run("policy", "simulate", "--bogus").exit()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void versionAndHelpWork() {
        assertThat(run("--version").out()).startsWith("keyhole ");
        assertThat(run("--help").out()).contains("policy");
    }
}
