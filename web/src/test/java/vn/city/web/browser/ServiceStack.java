package vn.city.web.browser;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The three real services as separate processes from their packaged jars ({@code <svc>/target/quarkus-app}), for
 * the web's browser tests: ports 2718x (management 2719x), fresh databases {@code *_web}, topics and consumer groups
 * prefixed {@code web.}, against the running local stack (PostgreSQL, Kafka, Keycloak of deploy/local/infra.sh).
 * Started before the web (a Quarkus test resource), stopped after the run; logs in {@code web/target/services/}.
 */
public class ServiceStack implements QuarkusTestResourceLifecycleManager {

    record Service(String module, String database, int port, String topic, List<String> incoming) {
        int managementPort() {
            return port + 10;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("indicator-service", "indicator_web", 27181, "indicator-events", List.of()),
            new Service("task-service", "task_web", 27182, "task-events", List.of("meeting-events", "indicator-events")),
            new Service("meeting-service", "meeting_web", 27183, "meeting-events", List.of("indicator-events", "task-events")));

    static final String PREFIX = "web.";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Path root = repoRoot();
        for (Service s : SERVICES) {
            Path jar = root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + ": package the services first (./mvnw -B package "
                        + "-DskipTests -pl indicator-service,task-service,meeting-service -am), or run the whole reactor "
                        + "(deploy/local/test.sh), which builds them before the web");
            }
            for (int port : new int[] {s.port(), s.managementPort()}) {
                if (inUse(port)) {
                    throw new IllegalStateException("port " + port + " (web browser tests, " + s.module() + ") is in use");
                }
            }
        }
        freshDatabases();
        freshTopics();
        Path logs = Path.of(System.getProperty("city.web.target", "target")).resolve("services");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Instant t0 = Instant.now();
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (Service s : SERVICES) {
            Process p = launch(root, s, logs.resolve(s.module() + ".log"));
            processes.add(p);
            ready.add(CompletableFuture.runAsync(() -> awaitReady(s, p, logs.resolve(s.module() + ".log"))));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "web-test-services-reaper"));
        try {
            ready.forEach(CompletableFuture::join);
            // Ready does not wait for Kafka: the consumers learn the seeded units from indicator-service's events a
            // moment later, and the tests act for those units at once.
            org.awaitility.Awaitility.await("task-service and meeting-service know the seeded units")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> seededUnits("task_web", "org_unit") == 3 && seededUnits("meeting_web", "unit_view") == 3);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        System.out.printf("web browser tests: three services ready in %d s%n", Duration.between(t0, Instant.now()).toSeconds());
        return Map.of();
    }

    private static Process launch(Path root, Service s, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        properties(s).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar").toString());
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            pb.environment().remove("QUARKUS_PROFILE");
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + s.module(), e);
        }
    }

    static Map<String, String> properties(Service s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", Integer.toString(s.port()));
        p.put("quarkus.management.port", Integer.toString(s.managementPort()));
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:55432/" + s.database());
        p.put("quarkus.datasource.reactive.url", "postgresql://localhost:55432/" + s.database());
        p.put("quarkus.datasource.username", "city");
        p.put("quarkus.datasource.password", "city");
        p.put("quarkus.datasource.reactive.max-size", "8");
        p.put("quarkus.oidc.credentials.secret", s.module() + "-secret");
        p.put("city.outbox.topic", PREFIX + s.topic());
        for (String channel : s.incoming()) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            p.put(prefix + "topic", PREFIX + channel);
            p.put(prefix + "dead-letter-queue.topic", PREFIX + s.module() + ".dlq");
            p.put(prefix + "group.id", PREFIX + s.module());
            p.put(prefix + "auto.offset.reset", "earliest");
        }
        p.put("quarkus.log.console.color", "false");
        return p;
    }

    private static void awaitReady(Service s, Process p, Path log) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.module() + " exited before it was ready; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + s.managementPort() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            p.onExit().completeOnTimeout(null, 300, TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException(s.module() + " not ready within 120 s; see " + log);
    }

    private static long seededUnits(String database, String table) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:55432/" + database, "city", "city");
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select count(*) from " + table
                        + " where code in ('FIN','ECO','W-SONGCAU') and active")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // not migrated yet
        }
    }

    private static void freshDatabases() {
        String superuser = env("CITY_PG_SUPERUSER", "postgres");
        String password = env("CITY_PG_PASSWORD", "postgres");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:55432/postgres", superuser, password);
                Statement st = c.createStatement()) {
            for (Service s : SERVICES) {
                st.execute("drop database if exists " + s.database() + " with (force)");
                st.execute("create database " + s.database() + " owner city encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not (re)create the web test databases as superuser '" + superuser
                    + "' on port 55432 (CITY_PG_SUPERUSER/CITY_PG_PASSWORD; is deploy/local/infra.sh up?): " + e.getMessage(), e);
        }
    }

    /** Deletes the web.* topics and consumer groups of earlier runs, so nothing of them is consumed again. */
    private static void freshTopics() {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", env("CITY_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        props.put("request.timeout.ms", "10000");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            java.util.Set<String> topics = new java.util.TreeSet<>(admin.listTopics().names().get(20, TimeUnit.SECONDS));
            topics.removeIf(t -> !t.startsWith(PREFIX));
            List<String> groups = new ArrayList<>();
            admin.listConsumerGroups().all().get(20, TimeUnit.SECONDS).forEach(g -> {
                if (g.groupId().startsWith(PREFIX)) {
                    groups.add(g.groupId());
                }
            });
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(20, TimeUnit.SECONDS);
            }
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not clear the web.* topics on the local Kafka (127.0.0.1:9092; is "
                    + "deploy/local/infra.sh up?): " + e, e);
        }
    }

    @Override
    public synchronized void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    static String api(String module) {
        return SERVICES.stream().filter(s -> s.module().equals(module)).findFirst()
                .map(s -> "http://localhost:" + s.port()).orElseThrow();
    }

    private static boolean inUse(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path repoRoot() {
        String root = System.getProperty("city.web.repo-root");
        if (root != null && Files.isDirectory(Path.of(root, "indicator-service"))) {
            return Path.of(root);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("indicator-service"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root");
        }
        return p;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
