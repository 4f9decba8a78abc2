package vn.city.meeting.readmodel.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.inbox.EventConsumer;
import vn.city.common.inbox.Inbox;
import vn.city.meeting.readmodel.FigureSubmissionView;
import vn.city.meeting.readmodel.IndicatorView;
import vn.city.meeting.readmodel.OffTrackView;
import vn.city.meeting.readmodel.TargetView;
import vn.city.meeting.readmodel.UnitView;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** Consumes {@code indicator-events} into the read models of units, indicators, targets, figures and flags. */
@ApplicationScoped
public class IndicatorEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IndicatorEventsConsumer.class);

    static final String PREFIX = "city.indicator.";

    private final EventConsumer consumer;
    private final EventCodec codec;

    public IndicatorEventsConsumer(EventCodec codec, Inbox inbox) {
        this.codec = codec;
        this.consumer = new EventConsumer("meeting-service", codec, inbox, Map.of(
                PREFIX + "unit-changed.v1", this::unitChanged,
                PREFIX + "indicator-changed.v1", this::indicatorChanged,
                PREFIX + "target-set.v1", this::targetSet,
                PREFIX + "figure-submitted.v1", this::figureSubmitted,
                PREFIX + "indicator-off-track.v1", this::offTrack));
    }

    @Incoming("indicator-events")
    public Uni<Void> consume(String message) {
        return Uni.createFrom().deferred(() -> consumer.consume(message))
                .onFailure().invoke(e -> LOG.warnf("%s: message refused, sent to the dead-letter topic: %s", "indicator-events", e.toString()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    Uni<?> unitChanged(CloudEvent event) {
        JsonNode d = event.data();
        String code = Json.required(d, "code", "unit-changed");
        return UnitView.<UnitView>findById(code).chain(existing -> {
            UnitView u = existing != null ? existing : new UnitView();
            u.code = code;
            u.name = Json.text(d, "name");
            u.kind = Json.text(d, "kind");
            u.parentCode = Json.text(d, "parentCode");
            u.active = Json.bool(d, "active", true);
            u.receivedAt = now();
            return existing != null ? Uni.createFrom().item(u) : u.persist();
        });
    }

    Uni<?> indicatorChanged(CloudEvent event) {
        JsonNode d = event.data();
        String code = Json.required(d, "code", "indicator-changed");
        return IndicatorView.<IndicatorView>findById(code).chain(existing -> {
            IndicatorView i = existing != null ? existing : new IndicatorView();
            i.code = code;
            i.name = Json.required(d, "name", "indicator-changed");
            i.measureUnit = Json.text(d, "measureUnit");
            i.nature = Json.text(d, "nature");
            i.direction = Json.text(d, "direction");
            i.ownerUnit = Json.text(d, "ownerUnit");
            i.category = Json.text(d, "category");
            i.active = Json.bool(d, "active", true);
            i.receivedAt = now();
            return existing != null ? Uni.createFrom().item(i) : i.persist();
        });
    }

    Uni<?> targetSet(CloudEvent event) {
        JsonNode d = event.data();
        String indicator = Json.required(d, "indicatorCode", "target-set");
        Integer year = Json.integer(d, "year");
        if (year == null) {
            throw new vn.city.common.event.MalformedEventException("target-set: field 'year' is required");
        }
        String unit = Json.text(d, "unitCode");
        TargetView.Key key = new TargetView.Key(indicator, year, unit == null ? "" : unit);
        Integer revision = Json.integer(d, "revision");
        return TargetView.<TargetView>findById(key).chain(existing -> {
            if (existing != null && existing.revision != null && revision != null && revision < existing.revision) {
                return Uni.createFrom().voidItem();
            }
            TargetView t = existing != null ? existing : new TargetView();
            t.key = key;
            t.value = Json.decimal(d, "value");
            t.kind = Json.text(d, "kind");
            t.documentNumber = Json.text(d, "documentNumber");
            t.revision = revision;
            t.receivedAt = now();
            return existing != null ? Uni.createFrom().item(t) : t.persist();
        });
    }

    Uni<?> figureSubmitted(CloudEvent event) {
        JsonNode d = event.data();
        String submissionId = Json.required(d, "submissionId", "figure-submitted");
        JsonNode city = d.path("cityResult");
        JsonNode line = city.isObject() ? city : d.path("result");
        if (!line.isObject()) {
            throw new vn.city.common.event.MalformedEventException("figure-submitted: field 'result' is required");
        }
        return FigureSubmissionView.<FigureSubmissionView>findById(submissionId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            FigureSubmissionView f = new FigureSubmissionView();
            f.submissionId = submissionId;
            f.indicatorCode = Json.required(d, "indicatorCode", "figure-submitted");
            f.indicatorName = Json.text(d, "indicatorName");
            f.measureUnit = Json.text(d, "measureUnit");
            f.nature = Json.text(d, "nature");
            f.direction = Json.text(d, "direction");
            f.unitCode = Json.required(d, "unitCode", "figure-submitted");
            f.period = Json.required(d, "period", "figure-submitted");
            f.version = Json.text(d, "version");
            f.value = Json.decimal(d, "value");
            f.submittedAt = Json.instant(d, "submittedAt");
            f.receivedAt = now();
            f.result = codec.tree(line).toString();
            return f.persist();
        });
    }

    Uni<?> offTrack(CloudEvent event) {
        JsonNode d = event.data();
        OffTrackView.Key key = new OffTrackView.Key(Json.required(d, "indicatorCode", "indicator-off-track"),
                Json.required(d, "unitCode", "indicator-off-track"), Json.required(d, "period", "indicator-off-track"));
        return OffTrackView.<OffTrackView>findById(key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            OffTrackView o = new OffTrackView();
            o.key = key;
            o.attainmentPercent = Json.decimal(d, "attainmentPercent");
            o.expectedPercent = Json.decimal(d, "expectedPercent");
            o.gapPoints = Json.decimal(d, "gapPoints");
            o.receivedAt = now();
            return o.persist();
        });
    }
}
