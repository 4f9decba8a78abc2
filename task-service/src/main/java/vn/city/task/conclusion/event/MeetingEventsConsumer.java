package vn.city.task.conclusion.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.inbox.EventConsumer;
import vn.city.common.inbox.Inbox;
import vn.city.task.conclusion.ConclusionTasks;
import vn.city.task.conclusion.MeetingConcluded;

import java.util.Map;
import java.util.function.Function;

/** Consumes {@code meeting-events}: a published conclusion becomes tasks. */
@ApplicationScoped
public class MeetingEventsConsumer {

    public static final String MEETING_CONCLUDED = "city.meeting.meeting-concluded.v1";

    private final EventConsumer consumer;

    public MeetingEventsConsumer(EventCodec codec, Inbox inbox, ConclusionTasks conclusions) {
        Map<String, Function<CloudEvent, Uni<?>>> handlers = Map.of(
                MEETING_CONCLUDED, event -> conclusions.apply(codec.data(event, MeetingConcluded.class)));
        this.consumer = new EventConsumer("task-service", codec, inbox, handlers);
    }

    @Incoming("meeting-events")
    public Uni<Void> consume(String message) {
        return consumer.consume(message);
    }
}
