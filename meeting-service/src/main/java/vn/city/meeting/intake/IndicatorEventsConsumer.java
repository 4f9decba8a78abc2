package vn.city.meeting.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.inbox.EventConsumer;
import vn.city.common.inbox.Inbox;
import vn.city.meeting.meeting.repository.ProposalRepository;
import vn.city.meeting.pack.repository.PackLines;
import vn.city.common.period.Period;
import vn.city.meeting.readmodel.IndicatorView;
import vn.city.meeting.readmodel.OffTrackView;
import vn.city.meeting.readmodel.TargetView;
import vn.city.meeting.readmodel.UnitView;
import vn.city.meeting.readmodel.repository.FigureSubmissions;
import vn.city.meeting.readmodel.repository.ResultRepository;
import vn.city.meeting.readmodel.repository.ResultRepository.CityResult;
import vn.city.meeting.readmodel.repository.ResultRepository.Figures;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Consumes {@code indicator-events} into the read models: units, indicators, targets, every figure submission, each
 * unit's own result (the pack's breakdown) and the city's result per indicator and period (city-result-changed, the
 * highest revision wins). Each event marks the pack lines it changes ({@link PackLines}) in its transaction, as its
 * last statement (the marks stay locked until the commit); they are rebuilt once for all the events that marked them
 * meanwhile. An indicator whose city result turns BEHIND is proposed on its period's next briefing.
 */
@ApplicationScoped
public class IndicatorEventsConsumer {

    static final String PREFIX = "city.indicator.";

    private final EventConsumer consumer;
    private final EventCodec codec;
    private final ResultRepository results;
    private final ProposalRepository proposals;
    private final PackLines lines;
    private final FigureSubmissions submissions;

    public IndicatorEventsConsumer(EventCodec codec, Inbox inbox, ResultRepository results,
                                   ProposalRepository proposals, PackLines lines, FigureSubmissions submissions,
                                   Pool pool) {
        this.codec = codec;
        this.submissions = submissions;
        this.results = results;
        this.proposals = proposals;
        this.lines = lines;
        this.consumer = new EventConsumer("meeting-service", codec, inbox, Map.of(
                PREFIX + "unit-changed.v1", this::unitChanged,
                PREFIX + "indicator-changed.v1", this::indicatorChanged,
                PREFIX + "target-set.v1", this::targetSet,
                PREFIX + "indicator-off-track.v1", this::offTrack),
                Map.of(PREFIX + "figure-submitted.v1", this::figureSubmitted,
                        PREFIX + "city-result-changed.v1", this::cityResultChanged),
                // the statements marked the lines they change: once committed, the sweep builds them shortly
                pool, lines::marked);
    }

    /**
     * What one poll returned ({@code batch=true}): the figures and city results of a batch are stored in one
     * transaction; a record that cannot be applied is dead-lettered alone.
     */
    @Incoming("indicator-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch.getRecords())
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
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
        }).chain(() -> lines.markUnit(code));
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
            i.aggregation = Json.text(d, "aggregation");
            i.numeratorCode = Json.text(d, "numeratorCode");
            i.denominatorCode = Json.text(d, "denominatorCode");
            i.changeKind = Json.text(d, "changeKind");
            i.decimals = Json.integer(d, "decimals");
            i.receivedAt = now();
            return existing != null ? Uni.createFrom().item(i) : i.persist();
        }).chain(() -> lines.markExisting(code, null));
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
            return (existing != null ? Uni.createFrom().item(t) : t.persist())
                    .chain(() -> lines.markExisting(indicator, year));
        });
    }

    /**
     * Keeps the submission (history, "revised since") and the unit's own result for the pack's breakdown, and marks
     * the lines that show it, in one statement with the inbox row ({@link FigureSubmissions}). The city's value is
     * never taken from here: it comes from city-result-changed, as indicator-service formed it.
     */
    Uni<Boolean> figureSubmitted(SqlClient client, String consumerName, CloudEvent event) {
        JsonNode d = event.data();
        String submissionId = Json.required(d, "submissionId", "figure-submitted");
        JsonNode own = d.path("result");
        if (!own.isObject()) {
            throw new vn.city.common.event.MalformedEventException("figure-submitted: field 'result' is required");
        }
        String indicator = Json.required(d, "indicatorCode", "figure-submitted");
        String unit = Json.required(d, "unitCode", "figure-submitted");
        String period = Json.required(d, "period", "figure-submitted");
        java.math.BigDecimal value = Json.decimal(d, "value");
        Figures figures = figures(own, Json.text(d, "version"));
        FigureSubmissions.Submission s = new FigureSubmissions.Submission(submissionId, indicator,
                Json.text(d, "indicatorName"), Json.text(d, "measureUnit"), Json.text(d, "nature"),
                Json.text(d, "direction"), unit, period, Json.text(d, "version"), value, Json.instant(d, "submittedAt"),
                codec.tree(own).toString(), figures.value() != null ? figures : withValue(figures, value));
        List<String> lineKeys = Period.tryParse(period).map(p -> PackLines.showing(p).stream().map(Period::toString).toList())
                .orElse(List.of());
        return submissions.storeOnce(client, consumerName, event, s, lineKeys);
    }

    /**
     * The city's result of one indicator for one period, as indicator-service formed it; the highest revision wins.
     * One statement with the inbox row; when the result is BEHIND, its proposal for the period's next briefing is made
     * in the same transaction.
     */
    Uni<Boolean> cityResultChanged(SqlClient client, String consumerName, CloudEvent event) {
        JsonNode d = event.data();
        String type = "city-result-changed";
        String indicator = Json.required(d, "indicatorCode", type);
        String period = Json.required(d, "period", type);
        Integer revision = Json.integer(d, "revision");
        if (revision == null) {
            throw new vn.city.common.event.MalformedEventException(type + ": field 'revision' is required");
        }
        String status = Json.required(d, "status", type);
        CityResult c = new CityResult(indicator, period, Json.text(d, "indicatorName"), Json.text(d, "measureUnit"),
                Json.text(d, "nature"), Json.text(d, "direction"), Json.text(d, "category"),
                Json.text(d, "ownerUnit"), Json.text(d, "aggregation"), Json.text(d, "changeKind"),
                Json.integer(d, "decimals"), Json.bool(d, "formedFromMonths", false),
                figures(d, Json.text(d, "currentVersion")), Json.bool(d, "partial", false),
                Json.strings(d, "contributingUnits"), Json.strings(d, "missingUnits"), revision,
                Json.instant(d, "computedAt"), Json.text(d, "cause"));
        List<String> lineKeys = Period.tryParse(period).map(p -> List.of(p.toString())).orElse(List.of());
        return results.storeOnce(client, consumerName, event, c, lineKeys,
                "BEHIND".equals(status) ? connection -> proposals.proposeOffTrack(connection, indicator, period) : null);
    }

    private static Figures figures(JsonNode r, String version) {
        String current = Json.text(r, "currentVersion");
        return new Figures(Json.decimal(r, "value"), Json.decimal(r, "yearToDate"), Json.decimal(r, "target"),
                Json.decimal(r, "attainmentPercent"), Json.decimal(r, "expectedPercent"),
                Json.decimal(r, "samePeriodLastYear"), Json.decimal(r, "change"), Json.text(r, "changeKind"),
                Json.text(r, "status"), current != null ? current : version);
    }

    private static Figures withValue(Figures f, java.math.BigDecimal value) {
        return new Figures(value, f.yearToDate(), f.target(), f.attainmentPercent(), f.expectedPercent(),
                f.samePeriodLastYear(), f.change(), f.changeKind(), f.status(), f.currentVersion());
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
