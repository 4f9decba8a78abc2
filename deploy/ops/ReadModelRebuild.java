import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Operator command: rebuilds a consumer's read model into an EMPTY database from the events on the retained topics.
 * Run it through {@code deploy/ops/rebuild-read-model.sh}.
 * <p>
 * It creates the database, starts the service's own packaged application on it (so the rebuild runs exactly the
 * consumer code the live service runs, through the same inbox) with a consumer group of its own reading the topics
 * from the beginning (or from {@code --since}), its outbox relay off and its API on a free port, waits until that
 * group has consumed everything the topics held when the rebuild started, stops the application gracefully and reports
 * what it applied. The live service is not touched; switching over is described in docs (deploy/ops/README.md).
 *
 * <pre>
 * ReadModelRebuild --jar meeting-service/target/quarkus-app/quarkus-run.jar --channels indicator-events,task-events
 *                  --target-db meeting_rebuilt [--replace] [--group meeting-service] [--topic-prefix ""]
 *                  [--since ISO-instant] [--pg-host localhost] [--pg-port 55432] [--pg-user city] [--pg-password city]
 *                  [--pg-superuser postgres] [--pg-superpassword postgres] [--bootstrap 127.0.0.1:9092]
 *                  [--timeout-seconds 1800] [--set key=value ...] [--log file]
 * </pre>
 */
public class ReadModelRebuild {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].substring(2);
            if (name.equals("replace")) {
                o.put(name, "true");
            } else if (name.equals("set")) {
                sets.add(args[++i]);
            } else {
                o.put(name, args[++i]);
            }
        }
        Path jar = Path.of(req(o, "jar"));
        List<String> channels = List.of(req(o, "channels").split(","));
        String target = req(o, "target-db");
        String prefix = o.getOrDefault("topic-prefix", "");
        String liveGroup = o.getOrDefault("group", serviceName(jar));
        String group = liveGroup + ".rebuild-" + Instant.now().getEpochSecond();
        String pgHost = o.getOrDefault("pg-host", "localhost");
        String pgPort = o.getOrDefault("pg-port", "55432");
        String pgUser = o.getOrDefault("pg-user", "city");
        String pgPassword = o.getOrDefault("pg-password", "city");
        String bootstrap = o.getOrDefault("bootstrap", "127.0.0.1:9092");
        Duration timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout-seconds", "1800")));
        Instant t0 = Instant.now();

        // 1. an empty database
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres",
                o.getOrDefault("pg-superuser", "postgres"), o.getOrDefault("pg-superpassword", "postgres"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + target.replace("'", "") + "'")) {
                if (rs.next()) {
                    if (!o.containsKey("replace")) {
                        fail("database " + target + " exists; choose another name or pass --replace");
                    }
                    st.execute("drop database \"" + target + "\" with (force)");
                }
            }
            st.execute("create database \"" + target + "\" owner \"" + pgUser + "\" encoding 'UTF8'");
        }
        log("created empty database %s on %s:%s", target, pgHost, pgPort);

        // 2. the rebuild's own consumer group, at the start of the history; the end it has to reach
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<TopicPartition, Long> end = new HashMap<>();
        Map<TopicPartition, Long> start = new HashMap<>();
        try (Admin admin = Admin.create(ap)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> first = new HashMap<>();
            for (String ch : channels) {
                String topic = prefix + ch;
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> {
                            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                            first.put(new TopicPartition(topic, p.partition()), o.containsKey("since")
                                    ? OffsetSpec.forTimestamp(Instant.parse(o.get("since")).toEpochMilli())
                                    : OffsetSpec.earliest());
                        });
            }
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, i) -> end.put(tp, i.offset()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> from = admin.listOffsets(first).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            from.forEach((tp, i) -> {
                long off = i.offset() < 0 ? end.get(tp) : i.offset(); // no record since then: start at the end
                start.put(tp, off);
                commit.put(tp, new OffsetAndMetadata(off));
            });
            admin.alterConsumerGroupOffsets(group, commit).all().get(30, TimeUnit.SECONDS);
        }
        long events = 0;
        for (TopicPartition tp : end.keySet()) {
            events += end.get(tp) - start.get(tp);
        }
        log("consumer group %s starts at %s and must reach %s (%d records)", group, start, end, events);

        // 3. the service's own consumers on the empty database
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", "0");
        props.put("quarkus.management.port", "0");
        props.put("quarkus.datasource.reactive.url", "postgresql://" + pgHost + ":" + pgPort + "/" + target);
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + target);
        props.put("quarkus.datasource.username", pgUser);
        props.put("quarkus.datasource.password", pgPassword);
        props.put("kafka.bootstrap.servers", bootstrap);
        props.put("city.outbox.relay-enabled", "false");
        for (String ch : channels) {
            String p = "mp.messaging.incoming." + ch + ".";
            props.put(p + "topic", prefix + ch);
            props.put(p + "group.id", group);
            props.put(p + "auto.offset.reset", "earliest");
            // what the live consumer dead-lettered is not dead-lettered a second time; replay it with
            // deploy/ops/replay-dead-letters.sh
            props.put(p + "failure-strategy", "ignore");
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            props.put(s.substring(0, eq), s.substring(eq + 1));
        }
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        Path logFile = Path.of(o.getOrDefault("log", "rebuild-" + target + ".log"));
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile())).start();
        log("started %s (pid %d, log %s)", jar, app.pid(), logFile);
        try (Admin admin = Admin.create(ap)) {
            Instant deadline = Instant.now().plus(timeout);
            Instant lastReport = Instant.EPOCH;
            while (true) {
                if (!app.isAlive()) {
                    fail("the application exited with " + app.exitValue() + " before the rebuild finished; see " + logFile);
                }
                Map<TopicPartition, OffsetAndMetadata> at = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long remaining = 0;
                for (var e : end.entrySet()) {
                    OffsetAndMetadata c = at.get(e.getKey());
                    remaining += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
                }
                if (remaining == 0) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    app.destroy();
                    fail("not caught up within " + timeout + ": " + remaining + " records left");
                }
                if (Duration.between(lastReport, Instant.now()).toSeconds() >= 5) {
                    log("%d of %d records left", remaining, events);
                    lastReport = Instant.now();
                }
                Thread.sleep(500);
            }
        } finally {
            app.destroy(); // SIGTERM: consumers pause and drain, offsets commit, then the pools close
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }

        // 4. what was rebuilt
        StringBuilder tables = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + target,
                pgUser, pgPassword); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema"
                    + " = 'public' and table_type = 'BASE TABLE' and (table_name like '%\\_view' or table_name ="
                    + " 'inbox_event' or table_name = 'org_unit') order by 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String n : names) {
                try (ResultSet rs = st.executeQuery("select count(*) from \"" + n + "\"")) {
                    rs.next();
                    tables.append(n).append('=').append(rs.getLong(1)).append(' ');
                }
            }
        }
        log("REBUILT %s from %d records of %s in %d s: %s", target, events, String.join(",", channels),
                Duration.between(t0, Instant.now()).toSeconds(), tables.toString().trim());
        log("consumer group %s now holds the rebuilt model's position (see deploy/ops/README.md to switch over)", group);
        System.out.println("GROUP=" + group);
    }

    private static String serviceName(Path jar) {
        // <svc>/target/quarkus-app/quarkus-run.jar
        Path p = jar.toAbsolutePath();
        return p.getParent().getParent().getParent().getFileName().toString();
    }

    private static String req(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            fail("--" + name + " is required (see the comment at the top of ReadModelRebuild.java)");
        }
        return v;
    }

    private static void log(String format, Object... args) {
        System.out.println("[rebuild] " + String.format(format, args));
    }

    private static void fail(String message) {
        System.err.println("[rebuild] " + message);
        System.exit(1);
    }
}
