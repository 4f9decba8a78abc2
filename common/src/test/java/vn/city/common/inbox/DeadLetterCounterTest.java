package vn.city.common.inbox;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
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
