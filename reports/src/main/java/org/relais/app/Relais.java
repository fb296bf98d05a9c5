package org.relais.app;

import org.relais.ingest.cli.BrokerCommand;
import org.relais.ingest.cli.ExitCodes;
import org.relais.ingest.cli.ProduceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code relais} command: {@code bin/relais} locally, or the main class given to spark-submit
 * ({@code --class org.relais.app.Relais relais-app.jar nightly ...}).
 */
@Command(name = "relais", mixinStandardHelpOptions = true, versionProvider = Relais.Version.class,
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
        int code = commandLine().execute(args);
        Interruption.uninstall();
        System.exit(code);
    }

    /** The command line with Relais's error handling: one line per error, never a bare stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Relais());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (Interruption.interrupted()) {
                return Interruption.EXIT_CODE;
            }
            commandLine.getErr().println("relais " + commandLine.getCommandName() + ": " + Stages.oneLine(e));
            return ExitCodes.FAILED;
        });
        return cli;
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
