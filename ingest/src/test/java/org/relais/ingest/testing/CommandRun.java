package org.relais.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * One run of a command in this JVM, with what it printed: {@code CommandRun.of(new ProduceCommand(),
 * "--format", ...)}, or of a command line built with its own handlers.
 */
public record CommandRun(int code, String out, String err) {

    public static CommandRun of(Object command, String... args) {
        return of(() -> new CommandLine(command), args);
    }

    /**
     * Runs the command line {@code build} gives, built once standard output and error are
     * captured, since picocli writes its help and messages to the streams of that moment.
     */
    public static CommandRun of(Supplier<CommandLine> build, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = build.get().execute(args);
            return new CommandRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The last line written to standard error, where a command's error message goes. */
    public String lastErrLine() {
        String[] lines = err.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
