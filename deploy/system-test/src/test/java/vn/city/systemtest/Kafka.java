package vn.city.systemtest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.city.systemtest.ServiceProcesses.Service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Consumer-group facts of the real broker: a consumer has caught up when its committed offsets reach the end. */
public final class Kafka {

    private Kafka() {
    }

    /** Total lag of a service's consumer group over the topics it consumes (committed offset to end offset). */
    public static long lag(Service service) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (String channel : service.incoming) {
                String topic = StackConfig.TOPIC_PREFIX + channel;
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            var latest = admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service.group())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : latest.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + service.group() + ": " + e, e);
        }
    }

    /** The offset a service's consumer group has committed on one partition (the next record it will read); 0 if none. */
    public static long committed(Service service, String topic, int partition) {
        try (Admin admin = admin()) {
            OffsetAndMetadata c = admin.listConsumerGroupOffsets(service.group()).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(new TopicPartition(topic, partition));
            return c == null ? 0 : c.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + service.group() + ": " + e, e);
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackConfig.KAFKA);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    /** Waits until the consumers of every given service have committed everything on their topics. */
    public static void awaitCaughtUp(Duration timeout, Service... services) {
        for (Service s : services) {
            await(s.group() + " has consumed and committed everything").atMost(timeout)
                    .pollInterval(Duration.ofMillis(500)).until(() -> lag(s) == 0);
        }
    }
}
