package dev.keyhole.cli.runbooks;

import dev.keyhole.runbook.load.RunbookLoader;
import dev.keyhole.runbook.load.RunbookProblem;
import dev.keyhole.runbook.model.Runbook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Loads the runbooks a directory held at a git revision, through the git command line
 * ({@code git ls-tree} and {@code git show REF:path}), without touching the working tree.
 */
final class GitRunbooks {

    /** Git failed or is missing; the message says which and what it printed. */
    static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    private GitRunbooks() {}

    /** The runbooks under {@code dir} at {@code ref}; none when the directory did not exist then. */
    static RunbookLoader.Result load(Path dir, String ref) throws GitException {
        String prefix = git(dir, "rev-parse", "--show-prefix").strip();
        String top = git(dir, "rev-parse", "--show-toplevel").strip();
        try {
            git(dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        } catch (GitException e) {
            throw new GitException("no git revision `" + ref + "` in the repository of `" + dir + "`");
        }
        List<Runbook> runbooks = new ArrayList<>();
        List<RunbookProblem> problems = new ArrayList<>();
        for (String path : git(Path.of(top), "ls-tree", "-r", "--name-only", ref, "--", prefix.isEmpty() ? "." : prefix)
                .lines().toList()) {
            if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
                continue;
            }
            String rel = path.substring(prefix.length());
            if (rel.contains("/")) {
                continue; // the loader reads one directory level too
            }
            RunbookLoader.Result r = RunbookLoader.load(rel, git(Path.of(top), "show", ref + ":" + path));
            runbooks.addAll(r.runbooks());
            problems.addAll(r.problems());
        }
        return new RunbookLoader.Result(runbooks, problems);
    }

    private static String git(Path dir, String... args) throws GitException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            int code = p.waitFor();
            if (code != 0) {
                String why = err.join().strip();
                throw new GitException("`git " + String.join(" ", args) + "` failed"
                        + (why.isEmpty() ? " (exit " + code + ")" : ": " + why.lines().findFirst().orElse("")));
            }
            return out;
        } catch (IOException e) {
            throw new GitException("cannot run git: " + e.getMessage() + "; install git or run from a checkout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
