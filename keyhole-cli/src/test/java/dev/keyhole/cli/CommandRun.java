package dev.keyhole.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One `keyhole` command line run in-process: its exit code and what it wrote to each stream. */
record CommandRun(int exit, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Both streams, for assertions that something was printed nowhere. */
    String all() {
        return out + err;
    }
}
