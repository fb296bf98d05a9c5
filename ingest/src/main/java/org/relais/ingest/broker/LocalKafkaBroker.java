package org.relais.ingest.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.relais.ingest.util.Causes;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), started in its
 * own JVM from the broker runtime that {@code ingest/broker} builds, listening on 127.0.0.1 only.
 *
 * <p>Everything lives in one data directory: {@code server.properties}, {@code cluster.id},
 * {@code broker.pid}, {@code broker.log} and the log segments under {@code kraft/}. A broker started
 * with {@code exitWithParent} stops when the JVM that started it ends, however it ends; one started
 * by {@code bin/relais broker start} keeps running until {@link #stop(Path)}.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    /** The port {@code bin/relais broker start} uses when none is given. */
    public static final int DEFAULT_PORT = 9092;
    /** How long a broker may take to answer after its JVM started. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String HOST = "127.0.0.1";
    private static final String PID_FILE = "broker.pid";
    private static final String LOG_FILE = "broker.log";
    private static final String PROPERTIES_FILE = "server.properties";
    private static final String CLUSTER_ID_FILE = "cluster.id";
    private static final String MAIN_CLASS = "org.relais.broker.BrokerMain";
    private static final Path SETSID = Paths.get("/usr/bin/setsid");

    private final Path dataDir;
    private final int port;
    private final Process process;

    private LocalKafkaBroker(Path dataDir, int port, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
    }

    /**
     * Options of a broker to start.
     *
     * @param dataDir where the broker keeps its files; created if missing
     * @param port the client port on 127.0.0.1; 0 picks a free one. The controller listens on a
     *     second free port.
     * @param partitions partitions of topics the broker creates on first use
     * @param exitWithParent whether the broker stops when this JVM ends
     */
    public record Options(Path dataDir, int port, int partitions, boolean exitWithParent) {

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port was " + port + ", but must be in [0, 65535]");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions was " + partitions + ", but must be >= 1");
            }
        }
    }

    /** What {@link #status(Path)} found in a data directory. */
    public record Status(boolean running, long pid, String bootstrapServers, String detail) {
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @throws BrokerException when a broker already runs from this directory, the port is taken,
     *     the broker runtime is not built, or the broker does not come up; the message says which
     */
    public static LocalKafkaBroker start(Options options) throws BrokerException {
        Path dataDir = options.dataDir().toAbsolutePath();
        Status existing = status(dataDir);
        if (existing.running()) {
            throw new BrokerException("a broker is already running from " + dataDir + " (pid " + existing.pid()
                    + ", " + existing.bootstrapServers() + "); stop it with: bin/relais broker stop --data-dir "
                    + dataDir);
        }
        int port = options.port() == 0 ? freePort() : options.port();
        if (!isFree(port)) {
            Optional<Path> broker = brokerDirOnPort(port);
            throw new BrokerException(broker.isPresent()
                    ? "port " + port + " on " + HOST + " is already used by the broker started from " + broker.get()
                            + "; use it, choose another port with --port, or stop it with: bin/relais broker stop"
                            + " --data-dir " + broker.get()
                    : "port " + port + " on " + HOST + " is already in use by another program; choose another with"
                            + " --port, or stop what listens there");
        }
        int controllerPort = freePort();
        Path lib = brokerLib();
        try {
            Files.createDirectories(dataDir);
            String clusterId = clusterId(dataDir);
            Path properties = writeProperties(dataDir, port, controllerPort, options.partitions());
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx512m",
                    "-XX:+UseSerialGC", "-Dlog4j.configuration=log4j.properties",
                    "-cp", lib.resolve("*").toString(), MAIN_CLASS,
                    properties.toString(), "--cluster-id", clusterId));
            if (options.exitWithParent()) {
                command.addAll(List.of("--parent-pid", Long.toString(ProcessHandle.current().pid())));
            } else if (Files.isExecutable(SETSID)) {
                // A broker meant to outlive this command leaves its terminal's session, so that
                // closing the terminal or a later Ctrl-C does not reach it.
                command.add(0, SETSID.toString());
            }
            Path log = dataDir.resolve(LOG_FILE);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try {
                Files.writeString(dataDir.resolve(PID_FILE), process.pid() + " " + port + "\n");
                LocalKafkaBroker broker = new LocalKafkaBroker(dataDir, port, process);
                broker.awaitReady();
                return broker;
            } catch (IOException | RuntimeException e) {
                // Not left running unseen: without its pid file, nothing would ever stop it.
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new BrokerException("could not start a broker in " + dataDir + ": " + Causes.message(e));
        }
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker and waits for its JVM to end. */
    @Override
    public void close() {
        stopProcess(process.toHandle());
        deletePidFile(dataDir);
    }

    /**
     * Stops the broker that runs from {@code dataDir}.
     *
     * @return false when none was running
     */
    public static boolean stop(Path dataDir) {
        Status status = status(dataDir);
        if (!status.running()) {
            deletePidFile(dataDir);
            return false;
        }
        ProcessHandle.of(status.pid()).ifPresent(LocalKafkaBroker::stopProcess);
        deletePidFile(dataDir);
        return true;
    }

    /** Whether a broker runs from {@code dataDir}, with its pid and address. */
    public static Status status(Path dataDir) {
        Path pidFile = dataDir.toAbsolutePath().resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return new Status(false, -1, null, "no broker has been started from " + dataDir.toAbsolutePath());
        }
        try {
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            String servers = HOST + ":" + parts[1];
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(LocalKafkaBroker::isBrokerProcess);
            if (handle.isEmpty()) {
                return new Status(false, pid, servers, "the broker started from " + dataDir.toAbsolutePath()
                        + " (pid " + pid + ") is no longer running; see " + pidFile.resolveSibling(LOG_FILE));
            }
            String detail = isListening(Integer.parseInt(parts[1]))
                    ? "running, pid " + pid + ", " + servers
                    : "starting or stuck: pid " + pid + " does not answer on " + servers;
            return new Status(true, pid, servers, detail);
        } catch (IOException | RuntimeException e) {
            return new Status(false, -1, null, "unreadable " + pidFile + ": " + e.getMessage());
        }
    }

    private void awaitReady() throws BrokerException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new BrokerException("the broker exited with status " + process.exitValue()
                        + " while starting; last lines of " + dataDir.resolve(LOG_FILE) + ":\n" + tail(20));
            }
            if (isListening(port)) {
                try (Admin client = Admin.create(admin)) {
                    client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // The listener is up before the broker has caught up with its controller.
                }
            }
            sleep(Duration.ofMillis(200));
        }
        close();
        throw new BrokerException("the broker did not answer on " + bootstrapServers() + " within "
                + START_TIMEOUT.toSeconds() + " s; last lines of " + dataDir.resolve(LOG_FILE) + ":\n" + tail(20));
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(dataDir.resolve(LOG_FILE), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path writeProperties(Path dataDir, int port, int controllerPort, int partitions)
            throws IOException {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kraft").toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", Integer.toString(16 * 1024 * 1024));
        p.put("log.retention.hours", "-1");
        StringBuilder sb = new StringBuilder("# Written by Relais for a local single-node KRaft broker.\n");
        p.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Path file = dataDir.resolve(PROPERTIES_FILE);
        Files.writeString(file, sb.toString());
        return file;
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n");
        return id;
    }

    /**
     * The broker runtime's jar directory: the {@code relais.broker.lib} system property, else
     * {@code $RELAIS_HOME/ingest/broker/target/lib}.
     */
    static Path brokerLib() throws BrokerException {
        String configured = System.getProperty("relais.broker.lib");
        Path lib;
        if (configured != null) {
            lib = Paths.get(configured);
        } else {
            String home = System.getenv().getOrDefault("RELAIS_HOME", ".");
            lib = Paths.get(home, "ingest", "broker", "target", "lib");
        }
        if (!Files.isDirectory(lib)) {
            throw new BrokerException("the Kafka broker runtime is not built (no " + lib.toAbsolutePath()
                    + "); build it with: mvn -B -q -DskipTests package");
        }
        return lib;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The data directory of the running Relais broker that listens on {@code port}, if one does. */
    private static Optional<Path> brokerDirOnPort(int port) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().arguments().map(args -> java.util.Arrays.asList(args).contains(MAIN_CLASS))
                        .orElse(false))
                .flatMap(h -> h.info().arguments().stream().flatMap(java.util.Arrays::stream))
                .filter(arg -> arg.endsWith(PROPERTIES_FILE))
                .map(arg -> Path.of(arg).getParent())
                .filter(dir -> {
                    Status status = dir == null ? null : status(dir);
                    return status != null && status.running() && (HOST + ":" + port).equals(status.bootstrapServers());
                })
                .findFirst();
    }

    private static boolean isBrokerProcess(ProcessHandle handle) {
        // A recycled pid must not be mistaken for our broker: check the command line when the OS tells it.
        return handle.info().arguments()
                .map(args -> java.util.Arrays.asList(args).contains(MAIN_CLASS))
                .orElse(true);
    }

    private static void stopProcess(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            handle.destroyForcibly();
        }
    }

    private static void deletePidFile(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.toAbsolutePath().resolve(PID_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws BrokerException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BrokerException("no free port on " + HOST + ": " + Causes.message(e));
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
