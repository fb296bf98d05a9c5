package org.relais.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JVM of its own for integration tests that need one: Relais as {@code bin/relais} runs it,
 * Spark's submit entry point, a standalone Master or Worker. Output is captured to files.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** What a finished child printed and how it exited. */
    record Result(int exitCode, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    /** {@code java} with the flags Spark needs on Java 17. */
    static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("relais.test.jvm.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        return command;
    }

    /** Spark's jars only: what a Spark installation has, without Relais's own dependencies. */
    static String sparkClasspath() {
        List<String> parts = new ArrayList<>();
        for (String file : System.getProperty("relais.spark.classpath").split(File.pathSeparator)) {
            try {
                parts.add(Files.readString(Paths.get(file)).trim());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + "; run mvn package first", e);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    static String appJar() {
        return System.getProperty("relais.app.jar");
    }

    /** The command that runs {@code relais ARGS} the way bin/relais does. */
    static List<String> relais(List<String> args) {
        List<String> command = java();
        command.addAll(List.of("-Dlog4j2.configurationFile=relais-log4j2.properties",
                "-Drelais.broker.lib=" + System.getProperty("relais.broker.lib"),
                "-cp", appJar() + File.pathSeparator + sparkClasspath(), "org.relais.app.Relais"));
        command.addAll(args);
        return command;
    }

    /** Starts {@code command} with output to {@code out} and {@code err} files in {@code dir}. */
    static Process start(List<String> command, Path dir, String name, Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs {@code command} to its end (at most {@code minutes}) and returns what it printed. */
    static Result run(List<String> command, Path dir, String name, Map<String, String> env, int minutes)
            throws IOException, InterruptedException {
        Process p = start(command, dir, name, env);
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in " + minutes + " minutes");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve(name + ".out")),
                Files.readString(dir.resolve(name + ".err")));
    }
}
