package vn.city.indicator.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.event.CloudEvent;
import vn.city.common.outbox.Outbox;
import vn.city.common.testing.Broker;
import vn.city.common.testing.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The transactional outbox against the real PostgreSQL and Kafka, including a broker that does not answer. */
@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "test.indicator-events";

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void committedEventIsPublishedAsCloudEventAndMarkedSent() throws Throwable {
        String subject = "probe-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            CloudEvent event = append(subject);

            JsonNode published = reader.await(n -> event.id().equals(n.path("id").asText()), Duration.ofSeconds(30));
            assertThat(published.path("specversion").asText()).isEqualTo("1.0");
            assertThat(published.path("type").asText()).isEqualTo("city.indicator.outbox-probe.v1");
            assertThat(published.path("source").asText()).isEqualTo("/city/indicator-service");
            assertThat(published.path("subject").asText()).isEqualTo(subject);
            assertThat(published.path("data").path("note").asText()).isEqualTo("Thu ngân sách ước đạt 4,15 tỷ");
            await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(event.id()) != null);
        }
    }

    @Test
    void eventCommittedWhileBrokerIsUnreachableGoesOutOnceItIsBack() throws Throwable {
        String subject = "probe-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TOPIC)) {
            CloudEvent event;
            Broker.pause();
            try {
                event = append(subject);
                assertThat(sentAt(event.id())).as("not sent while the broker is down").isNull();
            } finally {
                Broker.resume();
            }
            reader.await(n -> event.id().equals(n.path("id").asText()), Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(event.id()) != null);
            assertThat(reader.drain(n -> event.id().equals(n.path("id").asText()), Duration.ofSeconds(2)))
                    .as("published once").hasSize(1);
        }
    }

    @Test
    void rolledBackChangeLeavesNoEvent() throws Throwable {
        String subject = "probe-" + UUID.randomUUID();
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox
                    .append("outbox-probe", subject, Map.of("note", "rolled back"))
                    .invoke(e -> {
                        throw new IllegalStateException("the change failed");
                    })));
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from outbox_event where event_key = ?")) {
            st.setString(1, subject);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private CloudEvent append(String subject) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(
                "outbox-probe", subject, Map.of("note", "Thu ngân sách ước đạt 4,15 tỷ"))));
    }

    private Object sentAt(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select sent_at from outbox_event where id = ?::uuid")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }
}
