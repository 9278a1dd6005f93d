package dev.keyhole.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The git commit a runbook directory is at, for audit records; {@code null} when it is not in git. */
public final class GitCommit {

    private GitCommit() {}

    /** {@code HEAD}'s commit id of the repository holding {@code dir}, with {@code +dirty} when runbooks there changed since. */
    public static String of(Path dir) {
        try {
            String head = git(dir, "rev-parse", "HEAD");
            if (head == null || !head.matches("[0-9a-f]{40,64}")) {
                return null;
            }
            String changes = git(dir, "status", "--porcelain", "--", ".");
            return changes == null || changes.isEmpty() ? head : head + "+dirty";
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toAbsolutePath().toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return null;
        }
        return out;
    }
}
