package org.relais.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of a command in this JVM, with what it printed: {@code CommandRun.of(new ProduceCommand(),
 * "--format", ...)}.
 */
record CommandRun(int code, String out, String err) {

    static CommandRun of(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command).execute(args);
            return new CommandRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The last line written to standard error, where a command's error message goes. */
    String lastErrLine() {
        String[] lines = err.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
