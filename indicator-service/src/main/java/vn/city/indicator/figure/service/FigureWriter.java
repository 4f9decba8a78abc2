package vn.city.indicator.figure.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.common.outbox.OutboxConfig;
import vn.city.indicator.IndicatorConfig;
import vn.city.indicator.catalogue.Indicator;
import vn.city.indicator.cache.CatalogueCache;
import vn.city.indicator.result.event.CityResultChanged;
import vn.city.indicator.EventNames;
import vn.city.indicator.figure.event.FigureSubmitted;
import vn.city.indicator.result.event.IndicatorOffTrack;
import vn.city.indicator.figure.FigureReceipt;
import vn.city.indicator.figure.FigureView;
import vn.city.indicator.figure.OutlierRule;
import vn.city.indicator.figure.ValueRules;
import vn.city.common.period.Period;
import vn.city.indicator.reporting.ReportingWindow;
import vn.city.indicator.result.Attainment;
import vn.city.indicator.result.CityAggregation;
import vn.city.indicator.result.CityResultView;
import vn.city.indicator.result.FigurePoint;
import vn.city.indicator.result.FigureVersion;
import vn.city.indicator.result.Result;
import vn.city.indicator.result.Series;
import vn.city.indicator.result.service.CityResultPublisher;
import vn.city.indicator.result.service.ResultService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stores one checked figure in two round trips to the database, the reads of the catalogue, units and targets
 * coming from {@link CatalogueCache}:
 * <ol>
 * <li>pipelined: BEGIN, the advisory lock of the indicator's year (and of the weighted rates built on it), and the
 * figures of that year and the year before;</li>
 * <li>pipelined: one statement that inserts the figure, bumps the revisions of the city results that changed,
 * records a first off-track alert and appends the events to the outbox; then COMMIT.</li>
 * </ol>
 * The results are computed in plain Java from the figures read plus the new one. The lock makes the revisions of a
 * city result follow the order in which the transactions saw the figures.
 */
@ApplicationScoped
public class FigureWriter {

    private static final String LOCK = """
            select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, 12))
                                  from (select unnest($1::text[]) as k order by 1) s) l""";
    private static final String FIGURES = """
            select indicator_code, unit_code, period, version, value::text, year_to_date::text, submitted_at
            from figure_submission where indicator_code = any($1::text[]) and period_year = any($2::int4[])""";
    private static final String WRITE = """
            with f as (
                insert into figure_submission (id, indicator_code, unit_code, period, period_kind, period_year, version,
                                               value, year_to_date, submitted_by, submitted_at, note, on_time, outlier,
                                               channel)
                values ($1::text::uuid, $2, $3, $4, $5, $6::int4, $7, $8::text::numeric, $9::text::numeric, $10,
                        $11::text::timestamptz, $12, $13, $14, $15)
                returning id
            ), c as (
                insert into city_result (indicator_code, period, revision, digest, computed_at)
                select i, p, 1, d, $11::text::timestamptz from unnest($17::text[], $18::text[], $19::text[]) as t(i, p, d)
                on conflict (indicator_code, period) do update
                    set revision = city_result.revision + 1, digest = excluded.digest, computed_at = excluded.computed_at
                    where city_result.digest <> excluded.digest
                returning indicator_code, period, revision
            ), a as (
                insert into off_track_alert (indicator_code, unit_code, period, attainment_percent, expected_percent)
                select i, u, p, att::numeric, expd::numeric
                from unnest($23::text[], $24::text[], $25::text[], $26::text[], $27::text[]) as t(i, u, p, att, expd)
                on conflict do nothing
                returning indicator_code, unit_code, period
            ), o as (
                insert into outbox_event (id, topic, event_key, type, envelope)
                select $1::text::uuid, $16, $28, $29, $30 from f
                union all
                select x.id::uuid, $16, x.k, $31, replace(x.env, '"revision":0,"computedAt"',
                                                          '"revision":' || c.revision || ',"computedAt"')
                from unnest($20::text[], $21::text[], $22::text[]) as x(id, k, env)
                join c on c.indicator_code || '/' || c.period = x.k
                union all
                select y.id::uuid, $16, y.k, $32, y.env
                from unnest($33::text[], $34::text[], $35::text[], $23::text[], $24::text[], $25::text[])
                    as y(id, k, env, i, u, p)
                join a on a.indicator_code = y.i and a.unit_code = y.u and a.period = y.p
                returning seq
            )
            select (select count(*) from o)""";

    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final ResultService results;
    private final IndicatorConfig config;
    private final EnvelopeWriter envelopes;
    private final OutboxConfig outboxConfig;
    private final Outbox outbox;
    private final Clock clock;

    public FigureWriter(io.vertx.mutiny.sqlclient.Pool pool, ResultService results, IndicatorConfig config,
                        EnvelopeWriter envelopes, OutboxConfig outboxConfig, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.results = results;
        this.config = config;
        this.envelopes = envelopes;
        this.outboxConfig = outboxConfig;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<FigureReceipt> write(FigureService.Checked c, CatalogueCache.Snapshot cat, ReportingWindow window,
                                    String by, String channel) {
        return Uni.createFrom().completionStage(() -> pool.getDelegate().getConnection()
                .compose(conn -> write(conn, c, cat, window, by, channel)
                        .recover(e -> conn.query("ROLLBACK").execute().transform(x -> Future.failedFuture(e)))
                        .eventually(() -> conn.close()))
                .toCompletionStage());
    }

    private Future<FigureReceipt> write(SqlConnection conn, FigureService.Checked c, CatalogueCache.Snapshot cat,
                                        ReportingWindow window, String by, String channel) {
        Indicator ind = c.indicator();
        int year = c.period().year();
        List<Indicator> dependents = cat.dependents(ind.code);
        TreeSet<String> locks = new TreeSet<>();
        locks.add(ind.code + "/" + year);
        Set<String> codes = new LinkedHashSet<>(related(ind));
        for (Indicator w : dependents) {
            locks.add(w.code + "/" + year);
            codes.addAll(related(w));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        conn.query("BEGIN").execute();
        conn.preparedQuery(LOCK).execute(Tuple.tuple().addArrayOfString(locks.toArray(new String[0])));
        Future<RowSet<Row>> figures = conn.preparedQuery(FIGURES)
                .execute(Tuple.tuple().addArrayOfString(codes.toArray(new String[0]))
                        .addArrayOfInteger(new Integer[]{year - 1, year}));
        return figures.compose(rows -> {
            Map<String, List<FigurePoint>> points = new HashMap<>();
            Map<String, Period> periods = new HashMap<>();
            for (Row r : rows) {
                Period p = periods.computeIfAbsent(r.getString(2), Period::parse);
                points.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new FigurePoint(r.getString(1), p,
                        FigureVersion.valueOf(r.getString(3)), ValueRules.normal(new BigDecimal(r.getString(4))),
                        r.getString(5) == null ? null : ValueRules.normal(new BigDecimal(r.getString(5))),
                        r.getOffsetDateTime(6).toInstant()));
            }
            boolean outlier = outlier(c, points.getOrDefault(ind.code, List.of()), now);
            UUID id = UUID.randomUUID();
            OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            boolean onTime = window.onTime(now);
            points.computeIfAbsent(ind.code, k -> new ArrayList<>()).add(new FigurePoint(c.unit().code, c.period(),
                    c.version(), ValueRules.normal(c.value()), ValueRules.normal(c.yearToDate()), now));

            ResultService.Facts facts = facts(ind, cat, points, year);
            Result unit = results.unitResult(facts, c.unit().code, c.period(), now);
            CityAggregation.Formation formation = results.cityResults(facts, now);
            CityAggregation.CityResult city = formation.result(c.period());
            FigureSubmitted submitted = FigureSubmitted.of(id, ind, c.unit().code, c.period().toString(), c.version(),
                    ValueRules.normal(c.value()), by, at, onTime, outlier, unit, city);
            String subject = ind.code + "/" + c.unit().code + "/" + c.period();

            List<String> cityInd = new ArrayList<>();
            List<String> cityPeriod = new ArrayList<>();
            List<String> cityDigest = new ArrayList<>();
            List<String> cityIds = new ArrayList<>();
            List<String> cityKeys = new ArrayList<>();
            List<String> cityEnv = new ArrayList<>();
            List<ResultService.Facts> affected = new ArrayList<>();
            affected.add(facts);
            for (Indicator w : dependents) {
                affected.add(facts(w, cat, points, year));
            }
            for (ResultService.Facts f : affected) {
                List<FigurePoint> all = new ArrayList<>();
                f.points().values().forEach(all::addAll);
                CityAggregation.Formation formed = f == facts ? formation : results.cityResults(f, now);
                for (Period p : CityResultPublisher.affected(c.period(), all)) {
                    CityAggregation.CityResult r = formed.result(p);
                    if (r == null || (r.result().value() == null && r.result().yearToDate() == null)) {
                        continue;
                    }
                    String eventId = UUID.randomUUID().toString();
                    cityInd.add(f.indicator().code);
                    cityPeriod.add(p.toString());
                    cityDigest.add(CityResultChanged.digest(r));
                    cityIds.add(eventId);
                    cityKeys.add(f.indicator().code + "/" + p);
                    cityEnv.add(envelope(eventId, EventNames.CITY_RESULT_CHANGED, f.indicator().code + "/" + p,
                            CityResultChanged.of(f.indicator(), r, 0, at, CityResultChanged.Cause.FIGURE)));
                }
            }
            List<String> otInd = new ArrayList<>();
            List<String> otUnit = new ArrayList<>();
            List<String> otPeriod = new ArrayList<>();
            List<String> otAt = new ArrayList<>();
            List<String> otEx = new ArrayList<>();
            List<String> otIds = new ArrayList<>();
            List<String> otKeys = new ArrayList<>();
            List<String> otEnv = new ArrayList<>();
            List<Result> judged = new ArrayList<>();
            judged.add(unit);
            if (city != null && !ResultService.CITY.equals(c.unit().code)) {
                judged.add(city.result());
            }
            for (Result r : judged) {
                BigDecimal gap = Attainment.gapPoints(r, ind.nature, ind.direction);
                if (gap == null || gap.compareTo(config.offTrackMarginPoints()) <= 0) {
                    continue;
                }
                String eventId = UUID.randomUUID().toString();
                String key = ind.code + "/" + r.unitCode() + "/" + r.period();
                otInd.add(ind.code);
                otUnit.add(r.unitCode());
                otPeriod.add(r.period());
                otAt.add(r.attainmentPercent().toPlainString());
                otEx.add(r.expectedPercent().toPlainString());
                otIds.add(eventId);
                otKeys.add(key);
                otEnv.add(envelope(eventId, EventNames.INDICATOR_OFF_TRACK, key, new IndicatorOffTrack(ind.code,
                        ind.name, r.unitCode(), ind.ownerUnit, r.period(), r.attainmentPercent(), r.expectedPercent(),
                        gap)));
            }
            Tuple t = Tuple.tuple();
            t.addString(id.toString()).addString(ind.code).addString(c.unit().code).addString(c.period().toString())
                    .addString(c.period().kind().name()).addInteger(year).addString(c.version().name())
                    .addString(c.value().toPlainString())
                    .addString(c.yearToDate() == null ? null : c.yearToDate().toPlainString()).addString(by)
                    .addString(at.toString()).addString(c.note()).addBoolean(onTime).addBoolean(outlier)
                    .addString(channel).addString(outboxConfig.topic())
                    .addArrayOfString(arr(cityInd)).addArrayOfString(arr(cityPeriod)).addArrayOfString(arr(cityDigest))
                    .addArrayOfString(arr(cityIds)).addArrayOfString(arr(cityKeys)).addArrayOfString(arr(cityEnv))
                    .addArrayOfString(arr(otInd)).addArrayOfString(arr(otUnit)).addArrayOfString(arr(otPeriod))
                    .addArrayOfString(arr(otAt)).addArrayOfString(arr(otEx))
                    .addString(subject).addString(outbox.typeOf(EventNames.FIGURE_SUBMITTED))
                    .addString(envelope(id.toString(), EventNames.FIGURE_SUBMITTED, subject, submitted))
                    .addString(outbox.typeOf(EventNames.CITY_RESULT_CHANGED))
                    .addString(outbox.typeOf(EventNames.INDICATOR_OFF_TRACK))
                    .addArrayOfString(arr(otIds)).addArrayOfString(arr(otKeys)).addArrayOfString(arr(otEnv));
            Future<RowSet<Row>> write = conn.preparedQuery(WRITE).execute(t);
            Future<RowSet<Row>> commit = conn.query("COMMIT").execute();
            FigureView view = new FigureView(id, ind.code, c.unit().code, c.period().toString(), c.version(),
                    ValueRules.normal(c.value()), ValueRules.normal(c.yearToDate()), by, at, c.note(), onTime, outlier,
                    channel);
            return write.compose(w -> commit).map(x -> new FigureReceipt(view, window.deadline(), unit,
                    CityResultView.of(city)));
        });
    }

    private static List<String> related(Indicator i) {
        List<String> codes = new ArrayList<>();
        codes.add(i.code);
        if (i.numeratorCode != null) {
            codes.add(i.numeratorCode);
            codes.add(i.denominatorCode);
        }
        return codes;
    }

    private static ResultService.Facts facts(Indicator ind, CatalogueCache.Snapshot cat,
                                             Map<String, List<FigurePoint>> points, int year) {
        Map<String, Indicator> related = new HashMap<>();
        Map<String, List<FigurePoint>> byCode = new HashMap<>();
        for (String code : related(ind)) {
            Indicator i = code.equals(ind.code) ? ind : cat.indicator(code);
            if (i != null) {
                related.put(code, i);
            }
            byCode.put(code, points.getOrDefault(code, List.of()));
        }
        return new ResultService.Facts(ind, related, cat.successions(), cat.tree(), byCode, cat.targets(ind.code, year));
    }

    private boolean outlier(FigureService.Checked c, List<FigurePoint> points, Instant now) {
        OutlierRule rule = new OutlierRule(config.outlier().stddevFactor(), config.outlier().medianRatio(),
                config.outlier().minHistory());
        List<FigurePoint> own = points.stream().filter(p -> p.unitCode().equals(c.unit().code)
                && p.period().kind() == c.period().kind()).toList();
        List<BigDecimal> history = Series.asOf(own, now).figures().stream()
                .filter(p -> !p.period().equals(c.period())).map(FigurePoint::value).toList();
        return rule.isOutlier(c.value(), history);
    }

    private String envelope(String id, String eventName, String subject, Object data) {
        return envelopes.write(id, outboxConfig.source(), outbox.typeOf(eventName), OffsetDateTime.now(ZoneOffset.UTC),
                subject, data);
    }

    private static String[] arr(List<String> list) {
        return list.toArray(new String[0]);
    }
}
