package dev.keyhole.cli;

import dev.keyhole.cli.policy.PolicyCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code keyhole} command. */
@Command(
        name = "keyhole",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Least-privilege access to DynamoDB through runbooks.",
        subcommands = {dev.keyhole.cli.run.RunCommand.class, dev.keyhole.cli.run.CredentialsCommand.class, dev.keyhole.cli.local.LocalCommand.class, dev.keyhole.cli.demo.DemoCommand.class, dev.keyhole.cli.runbooks.RunbooksCommand.class, PolicyCommand.class, dev.keyhole.cli.audit.AuditCommand.class, dev.keyhole.cli.grants.GrantsCommand.class, dev.keyhole.cli.access.AccessCommand.class, dev.keyhole.cli.tokens.TokensCommand.class, dev.keyhole.cli.serve.ServeCommand.class, dev.keyhole.cli.drift.DriftCommand.class, dev.keyhole.cli.privileges.PrivilegesCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok/allowed, 1 failed, 2 invalid input, 3 denied, 4 tampering found, 5 drift findings."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; what tests call. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCode.FAILED);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("keyhole: " + ex.getMessage());
            ex.getCommandLine().getErr().println("see `" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help`");
            return ExitCode.INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("keyhole: " + ex.getMessage());
            return ExitCode.FAILED;
        });
        return cl.execute(args);
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/keyhole-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"keyhole " + p.getProperty("version", "unknown")
                    + " (Java " + Runtime.version() + ")"};
        }
    }
}
