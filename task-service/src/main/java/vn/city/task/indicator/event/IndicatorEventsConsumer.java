package vn.city.task.indicator.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.inbox.EventConsumer;
import vn.city.common.inbox.Inbox;
import vn.city.task.followup.IndicatorOffTrack;
import vn.city.task.followup.OffTrackFollowUp;
import vn.city.task.unit.UnitChanged;
import vn.city.task.unit.UnitDirectory;

import java.util.Map;
import java.util.function.Function;

/** Consumes {@code indicator-events}: the units read model, and off-track signals (follow-up tasks, if enabled). */
@ApplicationScoped
public class IndicatorEventsConsumer {

    public static final String UNIT_CHANGED = "city.indicator.unit-changed.v1";
    public static final String INDICATOR_OFF_TRACK = "city.indicator.indicator-off-track.v1";

    private final EventConsumer consumer;

    public IndicatorEventsConsumer(EventCodec codec, Inbox inbox, UnitDirectory units, OffTrackFollowUp followUp) {
        Map<String, Function<CloudEvent, Uni<?>>> handlers = Map.of(
                UNIT_CHANGED, event -> units.apply(codec.data(event, UnitChanged.class)),
                INDICATOR_OFF_TRACK, event -> followUp.apply(codec.data(event, IndicatorOffTrack.class)));
        this.consumer = new EventConsumer("task-service", codec, inbox, handlers);
    }

    /**
     * What one poll returned ({@code batch=true}): the few events this service uses are applied in order; the figures
     * and results, most of the topic, are acknowledged by their {@code ce_type} header without being read.
     */
    @Incoming("indicator-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch.getRecords()).chain(() -> Uni.createFrom().completionStage(batch::ack));
    }
}
