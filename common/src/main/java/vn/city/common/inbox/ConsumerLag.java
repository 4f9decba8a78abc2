package vn.city.common.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumer lag per consumer group and topic, {@code city_consumer_lag_records{group, topic}}: the sum over the
 * partitions this instance is assigned of the records between its position and the end of the partition (the Kafka
 * consumer's own {@code records-lag}, read on its polling thread every {@code city.consumer.lag-refresh}, default
 * 15 s). Summed over the pods of a group it is the group's lag on that topic; the Kafka exporter gives the same per
 * partition from the broker side ({@code kafka_consumergroup_lag}).
 */
@ApplicationScoped
public class ConsumerLag {

    private final Instance<KafkaClientService> clients;
    private final MeterRegistry registry;
    private final Map<GroupTopic, AtomicLong> lag = new ConcurrentHashMap<>();

    private record GroupTopic(String group, String topic) {
    }

    public ConsumerLag(Instance<KafkaClientService> clients, MeterRegistry registry) {
        this.clients = clients;
        this.registry = registry;
    }

    @Scheduled(every = "${city.consumer.lag-refresh:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "consumer-lag")
    void refresh() {
        if (!clients.isResolvable()) {
            return;
        }
        KafkaClientService service = clients.get();
        // a channel may have several consumers of one group (partitions=N): their lags add up
        List<Uni<Map<GroupTopic, Long>>> reads = new ArrayList<>();
        for (String channel : service.getConsumerChannels()) {
            for (KafkaConsumer<Object, Object> consumer : service.<Object, Object>getConsumers(channel)) {
                String group = String.valueOf(consumer.configuration().get("group.id"));
                java.util.function.Function<org.apache.kafka.clients.consumer.Consumer<Object, Object>, Map<String, Long>> read =
                        c -> lagByTopic(c.metrics());
                reads.add(consumer.runOnPollingThread(read)
                        .map(byTopic -> {
                            Map<GroupTopic, Long> byKey = new HashMap<>();
                            byTopic.forEach((topic, records) -> byKey.put(new GroupTopic(group, topic), records));
                            return byKey;
                        })
                        // consumer closing or not started yet: its topics keep their last value
                        .onFailure().recoverWithItem(Map.of()));
            }
        }
        if (reads.isEmpty()) {
            return;
        }
        Uni.join().all(reads).andFailFast().subscribe().with(all -> {
            Map<GroupTopic, Long> sum = new HashMap<>();
            all.forEach(byKey -> byKey.forEach((key, records) -> sum.merge(key, records, Long::sum)));
            sum.forEach((key, records) -> gauge(key).set(records));
        }, failure -> { });
    }

    /** Current lag of a group on a topic as this instance sees it (-1 when unknown yet). */
    public long lag(String group, String topic) {
        AtomicLong value = lag.get(new GroupTopic(group, topic));
        return value == null ? -1 : value.get();
    }

    static Map<String, Long> lagByTopic(Map<MetricName, ? extends Metric> metrics) {
        Map<String, Long> byTopic = new HashMap<>();
        metrics.forEach((name, metric) -> {
            if ("records-lag".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
                    && name.tags().containsKey("topic") && name.tags().containsKey("partition")) {
                Object value = metric.metricValue();
                if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    byTopic.merge(name.tags().get("topic"), Math.max(0, n.longValue()), Long::sum);
                } else {
                    byTopic.putIfAbsent(name.tags().get("topic"), 0L);
                }
            }
        });
        return byTopic;
    }

    private AtomicLong gauge(GroupTopic key) {
        return lag.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("city.consumer.lag", value, AtomicLong::get)
                    .description("Records this instance's consumer of the group is behind on the topic")
                    .baseUnit("records")
                    .tag("group", key.group())
                    .tag("topic", key.topic())
                    .register(registry);
            return value;
        });
    }
}
