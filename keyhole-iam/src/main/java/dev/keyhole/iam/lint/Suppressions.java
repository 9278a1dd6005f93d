package dev.keyhole.iam.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a suppressions file: {@code {"suppressions": [{"check", "file", "pointer", "justification"}]}}.
 * A suppression without a justification, or for a check that does not exist, is itself a finding and
 * suppresses nothing.
 */
public final class Suppressions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Suppression> accepted;
    private final List<Located> problems;

    private Suppressions(List<Suppression> accepted, List<Located> problems) {
        this.accepted = List.copyOf(accepted);
        this.problems = List.copyOf(problems);
    }

    /** No suppressions. */
    public static Suppressions none() {
        return new Suppressions(List.of(), List.of());
    }

    /** Reads a file; throws {@link IOException} when it cannot be read and {@link IllegalArgumentException} when it is not JSON. */
    public static Suppressions read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("`" + file + "` is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        SourceMap map = SourceMap.of(text);
        List<Suppression> ok = new ArrayList<>();
        List<Located> bad = new ArrayList<>();
        JsonNode list = root.path("suppressions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String ptr = "/suppressions/" + i;
            String check = s.path("check").asText("");
            String justification = s.path("justification").asText("").strip();
            Finding problem = null;
            if (Check.byId(check) == null) {
                problem = new Finding(Check.SUPPRESSION_WITHOUT_JUSTIFICATION, ptr, "suppression for unknown check `"
                        + check + "`", "use an id from `keyhole policy lint --list-checks`");
            } else if (justification.isEmpty()) {
                problem = Finding.of(Check.SUPPRESSION_WITHOUT_JUSTIFICATION, ptr, "suppression of `" + check
                        + "` has no `justification`; it suppresses nothing");
            }
            if (problem != null) {
                int[] at = map.locate(ptr);
                bad.add(new Located(file.toString(), problem, at[0], at[1], null));
                continue;
            }
            ok.add(new Suppression(check, text(s, "file"), text(s, "pointer"), justification));
        }
        return new Suppressions(ok, bad);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The justification of the first suppression covering the finding, or {@code null}. */
    public String justification(String file, Finding f) {
        return accepted.stream().filter(s -> s.covers(file, f)).map(Suppression::justification).findFirst().orElse(null);
    }

    /** Findings about the suppressions file itself. */
    public List<Located> problems() {
        return problems;
    }

    /** Places a file's findings: line and column from its text (or canonical JSON), suppressions applied. */
    public List<Located> locate(String file, String text, List<Finding> findings) {
        SourceMap map = SourceMap.of(text);
        List<Located> out = new ArrayList<>();
        for (Finding f : findings) {
            int[] at = map.locate(f.pointer());
            out.add(new Located(file, f, at[0], at[1], justification(file, f)));
        }
        return out;
    }
}
