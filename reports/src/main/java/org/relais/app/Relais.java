package org.relais.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.relais.ingest.cli.BrokerCommand;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.cli.ProduceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code relais} command: {@code bin/relais} locally, or the main class given to spark-submit
 * ({@code --class org.relais.app.Relais relais-app.jar nightly ...}).
 */
@Command(name = "relais", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Relais.Version.class,
        description = "Influence analytics for political conversations: Kafka -> Parquet lake -> graph -> rankings.",
        subcommands = {
            DemoCommand.class,
            StageCommands.Nightly.class,
            StageCommands.Ingest.class,
            StageCommands.Analyze.class,
            StageCommands.Report.class,
            RankCommand.class,
            ProduceCommand.class,
            BrokerCommand.class,
            CommandLine.HelpCommand.class})
public final class Relais implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Interruption.install();
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // Thrown through picocli, which handles exceptions only; what held the memory is gone.
            System.err.printf(Locale.ROOT, "relais: out of memory (%s, with a heap of at most %,d MB); give the JVM"
                    + " more, e.g. RELAIS_JAVA_OPTS=-Xmx16g (see docs/operations.md, sizing)%n", e.getMessage(),
                    Runtime.getRuntime().maxMemory() >> 20);
            code = ExitCodes.FAILED;
        }
        Interruption.uninstall();
        System.exit(code);
    }

    /** The command line with Relais's error handling: one line per error, never a bare stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Relais());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Wide enough that option texts holding paths and keys (docs/configuration.md,
        // pagerank.damping=0.9) are not cut at their dots; wider terminals get their width.
        cli.setUsageHelpWidth(110);
        cli.setUsageHelpAutoWidth(true);
        cli.registerConverter(LocalDate.class, Relais::date);
        cli.setParameterExceptionHandler(Relais::wrongUsage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (Interruption.interrupted()) {
                return Interruption.EXIT_CODE;
            }
            commandLine.getErr().println("relais " + commandLine.getCommandName() + ": " + Stages.oneLine(e));
            return ExitCodes.FAILED;
        });
        return cli;
    }

    /** A date option's value; picocli's own message would show Java's parse exception. */
    static LocalDate date(String value) {
        try {
            // ISO-8601 also allows a signed year of more than four digits (+12026-10-19), which
            // would name a partition and a report directory no one looks for.
            if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date written YYYY-MM-DD, such as "
                    + "2026-11-21");
        }
    }

    /**
     * Wrong options or arguments: the problem, what was probably meant, and where the usage is,
     * rather than the whole usage after the message.
     */
    private static int wrongUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String command = cli.getParent() == null ? "relais" : "relais " + qualifiedName(cli);
        err.println(command + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command + " --help'.");
        return ExitCodes.USAGE;
    }

    /** The command's name under {@code relais}, e.g. {@code broker start}. */
    private static String qualifiedName(CommandLine cli) {
        String name = cli.getCommandName();
        for (CommandLine p = cli.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            name = p.getCommandName() + " " + name;
        }
        return name;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"relais " + org.relais.reports.Manifest.relaisVersion()};
        }
    }
}
