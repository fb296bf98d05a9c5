package org.relais.reports.html;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a program the integration tests need (Chromium, Python), with a time limit. */
final class ExternalCommand {

    /** What a finished command left: its exit code, standard output and standard error. */
    record Result(int exitCode, String stdout, String stderr) {

        String describe() {
            return "exit code " + exitCode + "\n--- stdout (end)\n" + tail(stdout) + "\n--- stderr (end)\n" + tail(stderr);
        }

        private static String tail(String s) {
            return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
        }
    }

    private ExternalCommand() {
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code environment} added to this one, output
     * read back from files in {@code workDir}; a command still running after {@code seconds} is ended, with
     * the processes it started, and reported as exit code -1.
     */
    static Result run(List<String> command, Path workDir, Map<String, String> environment, long seconds)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "stdout-", ".txt");
        Path err = Files.createTempFile(workDir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        int exit;
        if (process.waitFor(seconds, TimeUnit.SECONDS)) {
            exit = process.exitValue();
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            exit = -1;
        }
        Result result = new Result(exit, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** The first of {@code names} found as an executable file on the PATH. */
    static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
