package dev.keyhole.cli.access;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keyhole access}: who-can and what-can. */
@Command(name = "access", description = "Who can run what, now, and why.", mixinStandardHelpOptions = true,
        subcommands = {WhoCanCommand.class, WhatCanCommand.class})
public final class AccessCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
