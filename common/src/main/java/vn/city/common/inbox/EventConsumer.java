package vn.city.common.inbox;

import io.smallrye.mutiny.Uni;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.event.MalformedEventException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The shape of every consumer: parse the envelope (a malformed one fails the message, which the connector's
 * dead-letter strategy sends on with the reason), then apply the handler for its type exactly once. Types without
 * a handler are recorded and skipped, so producers can add event types without breaking consumers.
 * <p>
 * Any other failure (database down, pool closed during shutdown) is transient: the change is retried with back-off
 * and the offset is not committed meanwhile, so a stopping or struggling service never dead-letters a good event;
 * only after {@link #TRANSIENT_RETRIES} attempts does the event go to the dead-letter topic.
 */
public class EventConsumer {

    static final int TRANSIENT_RETRIES = 12;

    /** Events being applied right now in this process (all consumers), for the graceful shutdown. */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private final String consumer;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Map<String, Function<CloudEvent, Uni<?>>> handlers;
    private final Map<String, RecordingHandler> recording;

    public EventConsumer(String consumer, EventCodec codec, Inbox inbox,
                         Map<String, Function<CloudEvent, Uni<?>>> handlers) {
        this(consumer, codec, inbox, handlers, Map.of());
    }

    /** With handlers that record the inbox row in their own statement, for some types ({@link RecordingHandler}). */
    public EventConsumer(String consumer, EventCodec codec, Inbox inbox,
                         Map<String, Function<CloudEvent, Uni<?>>> handlers, Map<String, RecordingHandler> recording) {
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
        this.handlers = Map.copyOf(handlers);
        this.recording = Map.copyOf(recording);
    }

    public Uni<Void> consume(String message) {
        CloudEvent event;
        try {
            event = codec.read(message);
        } catch (MalformedEventException malformed) {
            DeadLetterCounter.record(consumer, malformed);
            throw malformed;
        }
        Function<CloudEvent, Uni<?>> handler = handlers.get(event.type());
        RecordingHandler ownStatement = recording.get(event.type());
        return Uni.createFrom().deferred(() -> ownStatement != null ? ownStatement.applyOnce(consumer, event)
                        : inbox.applyOnce(consumer, event,
                                () -> handler == null ? Uni.createFrom().voidItem() : handler.apply(event)))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(TRANSIENT_RETRIES)
                // a failure returned from here is dead-lettered by the connector (failure-strategy=dead-letter-queue)
                .onFailure().invoke(failure -> DeadLetterCounter.record(consumer, failure))
                .onSubscription().invoke(IN_FLIGHT::incrementAndGet)
                .onTermination().invoke(IN_FLIGHT::decrementAndGet)
                .replaceWithVoid();
    }

    static int inFlight() {
        return IN_FLIGHT.get();
    }
}
