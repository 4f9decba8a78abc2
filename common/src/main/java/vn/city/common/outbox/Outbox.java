package vn.city.common.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's current reactive transaction: the event exists if and only if
 * the change it announces was committed. The {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxConfig config;
    private final EventCodec codec;

    public Outbox(OutboxConfig config, EventCodec codec) {
        this.config = config;
        this.codec = codec;
    }

    /**
     * @param eventName short name such as {@code figure-submitted}
     * @param subject   the aggregate id; also the Kafka key
     * @param data      the payload record, serialised as JSON
     */
    public Uni<CloudEvent> append(String eventName, String subject, Object data) {
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                config.source(),
                typeOf(eventName),
                OffsetDateTime.now(ZoneOffset.UTC),
                subject,
                CloudEvent.JSON,
                codec.tree(data));
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = config.topic();
        row.key = subject;
        row.type = event.type();
        row.envelope = codec.write(event);
        return row.persist().replaceWith(event);
    }

    public String typeOf(String eventName) {
        return config.typePrefix() + "." + eventName + ".v1";
    }
}
