package dev.keyhole.cli.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.cli.ExitCode;
import dev.keyhole.iam.diff.AccessDiff;
import dev.keyhole.iam.diff.DiffResult;
import dev.keyhole.iam.parse.PolicyParseException;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code keyhole policy diff OLD NEW}: does NEW allow any request OLD does not? Prints a witness
 * request and the {@code keyhole policy simulate} lines that confirm it.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Does NEW allow any request OLD does not, over the actions, resources and condition values the "
                + "two policies mention? Prints a witness request and the `policy simulate` lines that confirm it.",
            "Exit 0 no new access, 3 new access, 1 search bound hit without an answer, 2 invalid input."})
public final class DiffCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The policy before the change (identity or session policy).")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The policy after the change.")
    Path newFile;

    @picocli.CommandLine.Mixin
    DiffOptions options;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.invalid() != null) {
            err.println("keyhole: " + options.invalid());
            return ExitCode.INVALID_INPUT;
        }
        Policy before;
        Policy after;
        try {
            before = read(oldFile);
            after = read(newFile);
        } catch (NoSuchFileException e) {
            err.println("keyhole: no such file `" + e.getFile() + "`");
            return ExitCode.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        long start = System.nanoTime();
        DiffResult r;
        try {
            r = AccessDiff.withBound(options.maxEvaluations()).compare(List.of(before), List.of(after));
        } catch (PolicyParseException e) {
            err.println("keyhole: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (options.json()) {
            out.println(JSON.writeValueAsString(DiffPrinter.json(null, r, List.of("-i", newFile.toString()), millis)));
        } else {
            DiffPrinter.text(out, null, r, List.of("-i", oldFile.toString()), List.of("-i", newFile.toString()), millis);
        }
        return DiffPrinter.exitCode(r);
    }

    private static Policy read(Path file) throws IOException {
        try {
            return PolicyParser.parse(Files.readString(file));
        } catch (PolicyParseException e) {
            throw new IllegalArgumentException("`" + file + "` is not a valid policy: " + e.getMessage());
        }
    }
}
