package vn.city.task.conclusion.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.city.common.event.EventCodec;
import vn.city.common.inbox.EventConsumer;
import vn.city.common.inbox.Inbox;

import java.util.Map;

/** Consumes {@code meeting-events}: a published conclusion becomes tasks. */
@ApplicationScoped
public class MeetingEventsConsumer {

    private final EventConsumer consumer;

    public MeetingEventsConsumer(EventCodec codec, Inbox inbox) {
        this.consumer = new EventConsumer("task-service", codec, inbox, Map.of());
    }

    @Incoming("meeting-events")
    public Uni<Void> consume(String message) {
        return consumer.consume(message);
    }
}
