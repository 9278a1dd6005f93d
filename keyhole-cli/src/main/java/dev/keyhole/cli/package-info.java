/** The {@code keyhole} command: one class per subcommand, each returning an exit code from {@link dev.keyhole.cli.ExitCode}. */
package dev.keyhole.cli;
