package vn.city.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the three services as separate OS processes from their packaged jars ({@code <svc>/target/quarkus-app}),
 * against the real local stack, on ports of their own (2808x/2908x, replicas 3008x/3108x), dedicated databases
 * ({@code *_st}) and {@code st.}-prefixed topics and consumer groups, so a running stack or the services' own tests
 * are not disturbed. Each process logs to {@code target/processes/<name>.log}.
 * <p>
 * The base services start once per test run ({@link #get()}); every process started is killed at the end of the
 * launcher session ({@link SystemTestSession}) and by a JVM shutdown hook, also when a test fails.
 */
public final class ServiceProcesses {

    /** One service: its module folder, database, outbox topic and the incoming channels it consumes. */
    public enum Service {
        INDICATOR("indicator-service", "indicator_st", "indicator-events", List.of(), 1),
        TASK("task-service", "task_st", "task-events", List.of("meeting-events", "indicator-events"), 2),
        MEETING("meeting-service", "meeting_st", "meeting-events", List.of("indicator-events", "task-events"), 3);

        public final String module;
        public final String database;
        public final String topic;
        public final List<String> incoming;
        final int portSuffix;

        Service(String module, String database, String topic, List<String> incoming, int portSuffix) {
            this.module = module;
            this.database = database;
            this.topic = topic;
            this.incoming = incoming;
            this.portSuffix = portSuffix;
        }

        /** The topic this service publishes to, in the system-test namespace. */
        public String stTopic() {
            return StackConfig.TOPIC_PREFIX + topic;
        }

        /** The dead-letter topic of this service's consumers. */
        public String dlq() {
            return StackConfig.TOPIC_PREFIX + module + ".dlq";
        }

        /** The consumer group of this service in the system-test namespace. */
        public String group() {
            return StackConfig.TOPIC_PREFIX + module;
        }

        /** The Keycloak client (= token audience) of this service. */
        public String client() {
            return module;
        }
    }

    /** A running (or stopped) process of a service. */
    public static final class Instance {
        public final Service service;
        public final int replica;
        public final int httpPort;
        public final int managementPort;
        public final Path log;
        private volatile Process process;

        /** Extra configuration of this instance (e.g. a Keycloak behind a proxy), on top of {@link #properties}. */
        final Map<String, String> overrides;

        Instance(Service service, int replica, Path log, Map<String, String> overrides) {
            this.service = service;
            this.replica = replica;
            this.httpPort = httpPort(service, replica);
            this.managementPort = managementPort(service, replica);
            this.log = log;
            this.overrides = Map.copyOf(overrides);
        }

        /**
         * 2808x, replica 1 3008x, replicas 2 and up (the outage tests' own instances) 2608x, 2609x, …: all below the
         * kernel's ephemeral range (32768–60999), where a client connection of any process can hold the port for the
         * whole run (a replica on 38082 once found its port taken that way and never started).
         */
        static int httpPort(Service service, int replica) {
            return (replica == 0 ? 28080 : replica == 1 ? 30080 : 26080 + 10 * (replica - 2)) + service.portSuffix;
        }

        /** 2908x, replica 1 3108x, replicas 2 and up 2708x, 2709x, … (see {@link #httpPort}). */
        static int managementPort(Service service, int replica) {
            return (replica == 0 ? 29080 : replica == 1 ? 31080 : 27080 + 10 * (replica - 2)) + service.portSuffix;
        }

        public String name() {
            return service.module + (replica == 0 ? "" : "-replica" + replica);
        }

        public String baseUri() {
            return "http://localhost:" + httpPort;
        }

        public String readyUri() {
            return "http://localhost:" + managementPort + "/q/health/ready";
        }

        public boolean alive() {
            Process p = process;
            return p != null && p.isAlive();
        }

        public long pid() {
            return process.pid();
        }

        @Override
        public String toString() {
            return name() + " (pid " + (process == null ? "-" : process.pid()) + ", port " + httpPort + ")";
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ServiceProcesses instance;
    private static RuntimeException startFailure;

    private final Map<String, Instance> running = new ConcurrentHashMap<>();
    private final Path processDir;

    private ServiceProcesses() {
        processDir = StackConfig.targetDir().resolve("processes");
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "system-test-process-reaper"));
    }

    /** The three services, started once for the whole test run (fresh databases, consumer groups at the end). */
    public static synchronized ServiceProcesses get() {
        if (startFailure != null) {
            throw new IllegalStateException("the services could not be started earlier in this run", startFailure);
        }
        if (instance == null) {
            ServiceProcesses p = new ServiceProcesses();
            instance = p;
            Instant t0 = Instant.now();
            try {
                p.reapLeftovers();
                Infrastructure.prepare();
                for (Service s : Service.values()) {
                    p.snapshot(s);
                }
                List<CompletableFuture<Instance>> starts = new ArrayList<>();
                for (Service s : Service.values()) {
                    starts.add(CompletableFuture.supplyAsync(() -> p.start(s, 0)));
                }
                starts.forEach(CompletableFuture::join);
                // Ready no longer waits for Kafka: the consumers learn indicator-service's seeded units from its events
                // a moment later, and the first tests act for those units at once.
                org.awaitility.Awaitility.await("task-service and meeting-service know the seeded units")
                        .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Db.count(Service.TASK, "select count(*) from org_unit where code in ('FIN','ECO','W-SONGCAU')") == 3
                                && Db.count(Service.MEETING, "select count(*) from unit_view where code in ('FIN','ECO','W-SONGCAU') and active") == 3);
            } catch (RuntimeException e) {
                p.killAll();
                startFailure = e.getCause() instanceof RuntimeException r ? r : e;
                throw startFailure;
            }
            Figures.record("startup", "three services ready in %d s", Duration.between(t0, Instant.now()).toSeconds());
        }
        return instance;
    }

    /** Whether the base services were started in this JVM (for the session listener). */
    static synchronized ServiceProcesses startedOrNull() {
        return instance;
    }

    public Instance base(Service service) {
        Instance i = running.get(key(service, 0));
        if (i == null) {
            throw new IllegalStateException(service.module + " is not running");
        }
        return i;
    }

    /** The running instance of a service's replica, or null. */
    public Instance running(Service service, int replica) {
        return running.get(key(service, replica));
    }

    /** Starts replica {@code replica} of a service (0 = the base one) and waits until it is ready. */
    public Instance start(Service service, int replica) {
        return start(service, replica, Map.of());
    }

    /** Starts replica {@code replica} with extra configuration and waits until it is ready. */
    public Instance start(Service service, int replica, Map<String, String> overrides) {
        Instance inst = launch(service, replica, overrides);
        awaitReady(inst, Duration.ofSeconds(StackConfig.READY_TIMEOUT_SECONDS));
        return inst;
    }

    /** Starts replica {@code replica} with extra configuration, without waiting for readiness. */
    public Instance launch(Service service, int replica, Map<String, String> overrides) {
        Path jar = appDir(service).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            snapshot(service);
        }
        Instance inst = new Instance(service, replica, processDir.resolve(
                service.module + (replica == 0 ? "" : "-replica" + replica) + ".log"), overrides);
        if (running.containsKey(key(service, replica)) && running.get(key(service, replica)).alive()) {
            throw new IllegalStateException(inst.name() + " already runs");
        }
        // the same runtime as deploy/local/up.sh and the benchmark: JDK 25 + the AOT cache of this copy when a JDK 25
        // exists (trained on the first start of a fresh build), else Java 17; the options of service-jvm.options
        List<String> cmd = new ArrayList<>(runtimeCommand(service, appDir(service)));
        properties(inst).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        inst.overrides.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (Boolean.getBoolean("city.system-test.boot-classpath-workaround")) {
            // Development aid only, off by default: a jar whose lib/boot holds kafka-clients (parent-first) without
            // slf4j fails to start (NoClassDefFoundError org/slf4j/LoggerFactory); adding slf4j to the system class
            // path lets the rest of the suite run while the service is being fixed. The suite proper runs -jar.
            StringBuilder cp = new StringBuilder(jar.toString());
            try (var files = Files.list(jar.getParent().resolve("lib/main"))) {
                files.filter(f -> f.getFileName().toString().contains("slf4j"))
                        .forEach(f -> cp.append(java.io.File.pathSeparator).append(f));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            cmd.add("-cp");
            cmd.add(cp.toString());
            cmd.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        } else {
            cmd.add("-jar");
            cmd.add(jar.toString());
        }
        try {
            Files.createDirectories(processDir);
            Files.writeString(inst.log, "### " + Instant.now() + " " + String.join(" ", cmd) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(StackConfig.targetDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(inst.log.toFile()));
            pb.environment().remove("QUARKUS_PROFILE");
            inst.process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + inst.name(), e);
        }
        running.put(key(service, replica), inst);
        writePid(inst);
        return inst;
    }

    /**
     * The JVM part of the launch command from {@code deploy/local/service-runtime.sh command}: the java to run on, the
     * options of {@code deploy/local/service-jvm.options} and, on JDK 25+, {@code -XX:AOTCache=<app>/app.aot} (a
     * training run first when the cache of this copy is missing or stale). Its messages go to this JVM's stderr.
     */
    static List<String> runtimeCommand(Service service, Path app) {
        Path script = StackConfig.repoRoot().resolve("deploy/local/service-runtime.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "command", service.module, app.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " command " + service.module + " failed (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + "); its messages are above");
            }
            List<String> cmd = out.lines().filter(l -> !l.isBlank()).toList();
            if (cmd.isEmpty()) {
                throw new IllegalStateException(script + " printed no command for " + service.module);
            }
            return cmd;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's packaged application as built: {@code <svc>/target/quarkus-app}. */
    static Path builtApp(Service service) {
        return StackConfig.repoRoot().resolve(service.module).resolve("target/quarkus-app");
    }

    private Path appDir(Service service) {
        return StackConfig.targetDir().resolve("apps").resolve(service.module);
    }

    /**
     * Copies the packaged application into this module's target, so every start in the run (restarts and replicas
     * included) uses the same build even while the service's own module is being rebuilt. A copy taken while a
     * build rewrote the folder is taken again.
     */
    void snapshot(Service service) {
        Path src = builtApp(service);
        if (!Files.isRegularFile(src.resolve("quarkus-run.jar")) && Files.isDirectory(src.getParent())) {
            // target/ exists without the application: the module is being built right now (shared machine)
            try {
                org.awaitility.Awaitility.await(service.module + " packaged").atMost(Duration.ofSeconds(
                                Integer.getInteger("city.system-test.wait-for-build", 240)))
                        .pollInterval(Duration.ofSeconds(2)).until(() -> Files.isRegularFile(src.resolve("quarkus-run.jar")));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // fall through to the clear message below
            }
        }
        if (!Files.isRegularFile(src.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("missing " + src.resolve("quarkus-run.jar") + ": package the services first ("
                    + "./mvnw -B -pl indicator-service,task-service,meeting-service package -DskipTests), or run the "
                    + "whole reactor with deploy/local/test.sh");
        }
        Path dst = appDir(service);
        for (int attempt = 1; ; attempt++) {
            String before = listing(src);
            deleteTree(dst);
            copyTree(src, dst);
            String after = listing(src);
            if (before.equals(after) && listing(dst).equals(after)) {
                return;
            }
            if (attempt == 10) {
                throw new IllegalStateException(src + " kept changing while it was copied (a build running?)");
            }
            // the service is being rebuilt right now: wait until its build output stops changing
            java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>(after);
            org.awaitility.Awaitility.await(service.module + " build output stable").atMost(Duration.ofMinutes(5))
                    .pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        String now = listing(src);
                        boolean stable = now.equals(last.get()) && Files.isRegularFile(src.resolve("quarkus-run.jar"));
                        last.set(now);
                        return stable;
                    });
        }
    }

    private static String listing(Path root) {
        if (!Files.isDirectory(root)) {
            return "";
        }
        try (var files = Files.walk(root)) {
            StringBuilder sb = new StringBuilder();
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                try {
                    sb.append(root.relativize(f)).append(' ').append(Files.size(f)).append('\n');
                } catch (IOException e) {
                    sb.append(root.relativize(f)).append(" ?\n");
                }
            });
            return sb.toString();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unreadable " + e;
        }
    }

    private static void copyTree(Path src, Path dst) {
        try (var files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = dst.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    // file times kept: an AOT cache trained for the build (app.aot) stays valid for the copy
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a file vanished under a running build: the listing comparison makes the caller try again
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir, e);
        }
    }

    /**
     * A run whose JVM was killed (no shutdown hook) leaves its service processes behind on the suite's ports. Their
     * pids are in {@code target/processes/*.pid}; each is ended only if it still runs one of this suite's copied
     * applications ({@code target/apps}).
     */
    void reapLeftovers() {
        if (!Files.isDirectory(processDir)) {
            return;
        }
        String apps = StackConfig.targetDir().resolve("apps").toString();
        try (var files = Files.list(processDir)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".pid"))::iterator) {
                long pid = Long.parseLong(Files.readString(f).trim());
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .filter(h -> h.info().commandLine().map(c -> c.contains(apps)).orElse(false))
                        .ifPresent(h -> {
                            System.err.println("system test: ending pid " + pid + " left over by an earlier run (" + f + ")");
                            h.destroyForcibly();
                            h.onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).join();
                        });
                Files.deleteIfExists(f);
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("system test: could not check for left-over processes: " + e);
        }
    }

    private void deletePid(Instance inst) {
        try {
            Files.deleteIfExists(processDir.resolve(inst.name() + ".pid"));
        } catch (IOException e) {
            // a stale pid file is checked against the command line before anything is ended
        }
    }

    private void writePid(Instance inst) {
        try {
            Files.writeString(processDir.resolve(inst.name() + ".pid"), Long.toString(inst.process.pid()));
        } catch (IOException e) {
            System.err.println("system test: could not write the pid of " + inst.name() + ": " + e);
        }
    }

    /** kill -9: no shutdown hook, no commit, no goodbye to the broker. */
    public void killHard(Instance inst) {
        Process p = inst.process;
        p.destroyForcibly();
        waitExit(p, inst);
    }

    /** SIGTERM and wait: a graceful stop. */
    public void stop(Instance inst) {
        Process p = inst.process;
        if (p == null || !p.isAlive()) {
            running.remove(key(inst.service, inst.replica));
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        waitExit(p, inst);
    }

    /** Starts the same service and replica again (after a kill), waits until ready. */
    public Instance restart(Instance inst) {
        if (inst.alive()) {
            stop(inst);
        }
        running.remove(key(inst.service, inst.replica));
        return start(inst.service, inst.replica, inst.overrides);
    }

    private void waitExit(Process p, Instance inst) {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(inst.name() + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.remove(key(inst.service, inst.replica));
        deletePid(inst);
    }

    /** Kills every process this harness started (descendants included). Idempotent. */
    public synchronized void killAll() {
        for (Instance i : List.copyOf(running.values())) {
            Process p = i.process;
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroy();
            }
        }
        for (Instance i : List.copyOf(running.values())) {
            Process p = i.process;
            try {
                if (p != null && !p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        running.values().forEach(this::deletePid);
        running.clear();
    }

    /** Waits on the management port's readiness check, never on a fixed time; fails fast if the process died. */
    public static void awaitReady(Instance inst, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!inst.alive()) {
                throw new IllegalStateException(inst.name() + " exited with " + inst.process.exitValue()
                        + " before it was ready; log " + inst.log + ":\n" + tail(inst.log, 40));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(inst.readyUri()))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            inst.process.onExit().completeOnTimeout(null, 250, TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException(inst.name() + " not ready within " + timeout + " (" + last + "); log "
                + inst.log + ":\n" + tail(inst.log, 40));
    }

    /** Whether the readiness check answers UP now. */
    public static boolean ready(Instance inst) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(inst.readyUri())).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static String key(Service s, int replica) {
        return s.module + "#" + replica;
    }

    /** The configuration that moves a service into the system-test namespace (ports, databases, topics). */
    static Map<String, String> properties(Instance inst) {
        Service s = inst.service;
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("quarkus.http.port", Integer.toString(inst.httpPort));
        p.put("quarkus.management.port", Integer.toString(inst.managementPort));
        // through a proxy the database outage test can cut (the shared server is never stopped)
        int pg = Outages.database().port();
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + pg + "/" + s.database);
        p.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + pg + "/" + s.database);
        p.put("quarkus.datasource.username", StackConfig.PG_USER);
        p.put("quarkus.datasource.password", StackConfig.PG_PASSWORD);
        // six processes at once on a server of max_connections=200 shared with the other engineers' tests
        p.put("quarkus.datasource.reactive.max-size", "10");
        p.put("quarkus.oidc.credentials.secret", s.module + "-secret");
        p.put("city.outbox.topic", s.stTopic());
        for (String channel : s.incoming) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            p.put(prefix + "topic", StackConfig.TOPIC_PREFIX + channel);
            p.put(prefix + "dead-letter-queue.topic", s.dlq());
            // own consumer group: a consumer group shared with the services' own @QuarkusTest runs (group = service
            // name, test.* topics) would rebalance every time one of those starts or stops
            p.put(prefix + "group.id", s.group());
            // a kill -9'd member is noticed after the session timeout; 10 s instead of 45 s keeps the suite short
            p.put(prefix + "session.timeout.ms", "10000");
            p.put(prefix + "heartbeat.interval.ms", "2000");
        }
        if (s == Service.TASK) {
            p.put("city.task.overdue-check", "3s");
        }
        p.put("quarkus.log.console.color", "false");
        return p;
    }
}
