package vn.city.common.inbox;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;
import vn.city.common.event.EventCodec;
import vn.city.common.event.MalformedEventException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterCounterTest {

    @Test
    void reasonsAreBounded() {
        assertThat(DeadLetterCounter.reason(new MalformedEventException("not JSON: Unexpected character"))).isEqualTo("not-json");
        assertThat(DeadLetterCounter.reason(new MalformedEventException("empty message"))).isEqualTo("empty");
        assertThat(DeadLetterCounter.reason(new MalformedEventException("not a JSON object"))).isEqualTo("not-json-object");
        assertThat(DeadLetterCounter.reason(new MalformedEventException("not a CloudEvents envelope: x"))).isEqualTo("not-cloudevent");
        assertThat(DeadLetterCounter.reason(new MalformedEventException("data of x does not match: y"))).isEqualTo("data-mismatch");
        assertThat(DeadLetterCounter.reason(new MalformedEventException("missing id"))).isEqualTo("invalid-envelope");
        assertThat(DeadLetterCounter.reason(new IllegalStateException("pool closed"))).isEqualTo("retries-exhausted");
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);
        assertThat(DeadLetterCounter.reason(nul)).isEqualTo("refused-by-database");
        assertThat(DeadLetterCounter.reason(new RuntimeException("wrapped by Hibernate Reactive", nul))).isEqualTo("refused-by-database");
        PgException deadlock = new PgException("deadlock detected", "ERROR", "40P01", null);
        assertThat(DeadLetterCounter.reason(deadlock)).isEqualTo("retries-exhausted");
    }

    @Test
    void onlyTheDatabasesRefusalOfTheDataIsNotRetried() {
        assertThat(EventConsumer.permanent(new PgException("numeric field overflow", "ERROR", "22003", null))).isTrue();
        assertThat(EventConsumer.permanent(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(EventConsumer.permanent(new PgException("the database system is shutting down", "FATAL", "57P03", null))).isFalse();
        assertThat(EventConsumer.permanent(new IllegalStateException("pool closed"))).isFalse();
    }

    @Test
    void aMalformedMessageIsCountedBeforeTheConnectorDeadLettersIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            EventConsumer consumer = new EventConsumer("unit-test-consumer", new EventCodec(new com.fasterxml.jackson.databind.ObjectMapper()),
                    null, Map.of("x", e -> Uni.createFrom().voidItem()));
            assertThatThrownBy(() -> consumer.consume("{{ not json")).isInstanceOf(MalformedEventException.class);
            assertThat(registry.find(DeadLetterCounter.NAME).tag("consumer", "unit-test-consumer").tag("reason", "not-json")
                    .counter().count()).isEqualTo(1.0);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }
}
