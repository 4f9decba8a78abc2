package vn.city.systemtest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import vn.city.systemtest.ServiceProcesses.Service;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Gets the real local stack ready for a run: fresh {@code *_st} databases (owned by {@code city}), the {@code st.*}
 * topics, and the system-test consumer groups moved to the end of their topics, so each run starts from a clean,
 * known state however the previous one ended.
 */
final class Infrastructure {

    static final List<String> TOPICS = List.of("indicator-events", "task-events", "meeting-events",
            "task-service.dlq", "meeting-service.dlq");

    private Infrastructure() {
    }

    /** When this run's consumer groups were moved to the end of their topics: the run's events come after it. */
    static volatile java.time.Instant preparedAt;

    static void prepare() {
        for (Service s : Service.values()) {
            for (int port : new int[] {ServiceProcesses.Instance.httpPort(s, 0), ServiceProcesses.Instance.managementPort(s, 0),
                    ServiceProcesses.Instance.httpPort(s, 1), ServiceProcesses.Instance.managementPort(s, 1)}) {
                if (inUse(port)) {
                    throw new IllegalStateException("port " + port + " (system test " + s.module + ") is in use: a "
                            + "process of an earlier run still running? Stop it first.");
                }
            }
        }
        freshDatabases();
        preparedAt = java.time.Instant.now();
        topicsAndGroups();
    }

    private static boolean inUse(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void freshDatabases() {
        if (Boolean.getBoolean("city.system-test.keep-databases")) {
            return;
        }
        try (Connection c = DriverManager.getConnection(StackConfig.jdbcUrl("postgres"), StackConfig.PG_SUPERUSER,
                StackConfig.PG_SUPERPASS); Statement st = c.createStatement()) {
            for (Service s : Service.values()) {
                st.execute("drop database if exists " + s.database + " with (force)");
                st.execute("create database " + s.database + " owner " + StackConfig.PG_USER + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not (re)create the system-test databases as superuser '"
                    + StackConfig.PG_SUPERUSER + "' on port " + StackConfig.PG_PORT
                    + " (CITY_PG_SUPERUSER/CITY_PG_PASSWORD; is deploy/local/infra.sh up?): " + e.getMessage(), e);
        }
    }

    private static void topicsAndGroups() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackConfig.KAFKA);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : TOPICS) {
                topics.add(new NewTopic(StackConfig.TOPIC_PREFIX + t, 3, (short) 1));
            }
            admin.createTopics(topics).values().forEach((name, f) -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not create topic " + name, e);
                }
            });
            for (Service s : Service.values()) {
                if (s.incoming.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (String channel : s.incoming) {
                    String topic = StackConfig.TOPIC_PREFIX + channel;
                    admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                            .partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()),
                                    OffsetSpec.latest()));
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
                        admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                latest.forEach((tp, info) -> commit.put(tp, new OffsetAndMetadata(info.offset())));
                // members of a killed earlier run stay in the group until their session times out (10 s)
                org.awaitility.Awaitility.await(s.group() + " without members, offsets moved to the end")
                        .atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(1))
                        .ignoreExceptionsMatching(e -> e instanceof ExecutionException)
                        .until(() -> {
                            admin.alterConsumerGroupOffsets(s.group(), commit).all().get(30, TimeUnit.SECONDS);
                            return true;
                        });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the st.* topics and consumer groups on " + StackConfig.KAFKA
                    + ": " + e.getMessage(), e);
        }
    }
}
