package vn.city.common.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import vn.city.common.event.MalformedEventException;

/**
 * Counts the events a consumer hands to the connector's dead-letter strategy, by a bounded reason:
 * {@code city_events_dead_lettered_total{consumer, reason}}. Reasons: {@code empty}, {@code not-json},
 * {@code not-json-object}, {@code not-cloudevent}, {@code invalid-envelope}, {@code data-mismatch} (malformed
 * messages), {@code refused-by-database} (data the database refuses, SQLSTATE class 22) and {@code retries-exhausted}
 * (a transient failure that outlasted every retry).
 */
final class DeadLetterCounter {

    static final String NAME = "city.events.dead.lettered";

    private DeadLetterCounter() {
    }

    static void record(String consumer, Throwable failure) {
        Counter.builder(NAME)
                .description("Events sent to the dead-letter topic, by consumer and reason")
                .tag("consumer", consumer)
                .tag("reason", reason(failure))
                .register(registry())
                .increment();
    }

    static String reason(Throwable failure) {
        if (!(failure instanceof MalformedEventException)) {
            return EventConsumer.permanent(failure) ? "refused-by-database" : "retries-exhausted";
        }
        String m = String.valueOf(failure.getMessage());
        if (m.startsWith("empty")) {
            return "empty";
        }
        if (m.startsWith("not JSON")) {
            return "not-json";
        }
        if (m.startsWith("not a JSON object")) {
            return "not-json-object";
        }
        if (m.startsWith("not a CloudEvents")) {
            return "not-cloudevent";
        }
        if (m.startsWith("data of")) {
            return "data-mismatch";
        }
        return "invalid-envelope";
    }

    private static MeterRegistry registry() {
        if (Arc.container() != null) {
            InstanceHandle<MeterRegistry> handle = Arc.container().instance(MeterRegistry.class);
            if (handle.isAvailable()) {
                return handle.get();
            }
        }
        return Metrics.globalRegistry;
    }
}
