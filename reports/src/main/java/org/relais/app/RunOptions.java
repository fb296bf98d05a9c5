package org.relais.app;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The run date option of the job commands. */
public class RunOptions {

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The date the run's outputs are filed under (default: today, in this machine's time zone).")
    LocalDate runDate;

    LocalDate runDate() {
        return runDate != null ? runDate : LocalDate.now();
    }
}
