package vn.city.common.inbox;

import io.smallrye.mutiny.Uni;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;

import java.util.Map;
import java.util.function.Function;

/**
 * The shape of every consumer: parse the envelope (a malformed one fails the message, which the connector's
 * dead-letter strategy sends on with the reason), then apply the handler for its type exactly once. Types without
 * a handler are recorded and skipped, so producers can add event types without breaking consumers.
 */
public class EventConsumer {

    private final String consumer;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Map<String, Function<CloudEvent, Uni<?>>> handlers;

    public EventConsumer(String consumer, EventCodec codec, Inbox inbox,
                         Map<String, Function<CloudEvent, Uni<?>>> handlers) {
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
        this.handlers = Map.copyOf(handlers);
    }

    public Uni<Void> consume(String message) {
        CloudEvent event = codec.read(message);
        Function<CloudEvent, Uni<?>> handler = handlers.get(event.type());
        return inbox.applyOnce(consumer, event,
                        () -> handler == null ? Uni.createFrom().voidItem() : handler.apply(event))
                .replaceWithVoid();
    }
}
