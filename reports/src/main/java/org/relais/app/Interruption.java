package org.relais.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * What happens on Ctrl-C (or SIGTERM) during a command: Spark's own shutdown hook stops the
 * running jobs, which then fail with long stack traces. This hook silences Spark's logging first,
 * and lets the command say "interrupted" in one line instead of reporting those failures. Other
 * shutdown hooks (the demo's broker, Spark's) still run.
 */
final class Interruption {

    /**
     * The exit code of a command that sees it was interrupted, as shells report SIGINT. (The JVM
     * ends a SIGTERM with 143 itself, before the command can choose.)
     */
    static final int EXIT_CODE = 130;

    /** The cause recorded for the stage a signal stopped. */
    static final String CAUSE = "stopped by a signal (Ctrl-C or SIGTERM) while it ran";

    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();
    private static final Thread HOOK = new Thread(Interruption::onSignal, "relais-interrupted");

    private Interruption() {
    }

    /** Installs the hook; {@link #uninstall()} before a normal exit. */
    static void install() {
        Runtime.getRuntime().addShutdownHook(HOOK);
    }

    static void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(HOOK);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting because of a signal: the hook is running.
        }
    }

    static boolean interrupted() {
        return INTERRUPTED.get();
    }

    private static void onSignal() {
        INTERRUPTED.set(true);
        Configurator.setAllLevels(org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, Level.OFF);
        System.err.println("relais: interrupted; stopping");
    }
}
