package vn.city.meeting.pack.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPackBuilder;
import vn.city.meeting.pack.BriefingPackBuilder.CityRow;
import vn.city.meeting.pack.BriefingPackBuilder.IndicatorRow;
import vn.city.meeting.pack.BriefingPackBuilder.Rows;
import vn.city.meeting.pack.BriefingPackBuilder.UnitRow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps each pack line ready to serve ({@code pack_line}): the line of an indicator for a period, built by
 * {@link BriefingPackBuilder} from the result rows and written as JSON. An event that changes what a line shows marks
 * it ({@code pack_line_pending}) in its own transaction; the line is rebuilt once for all the events that marked it
 * meanwhile, by the sweep a moment later or by a pack read of its period, which builds its marked lines first. A read
 * then only concatenates the lines of its period.
 */
@ApplicationScoped
public class PackLines {

    /** The rows the lines of one period are built from (for the indicators named, or all when none are). */
    static final String ROWS = """
            with ind as (
                select code from (
                    select indicator_code as code from city_result where period = :period
                    union
                    select indicator_code from unit_result where period = any(string_to_array(:periods, ','))) x
                where :codes = '' or code = any(string_to_array(:codes, ',')))
            select cast(json_build_object(
             'indicators', (select coalesce(json_agg(i), '[]') from (
                select ind.code, iv.name, iv.measure_unit as "measureUnit", iv.nature, iv.direction, iv.category,
                       iv.aggregation, iv.change_kind as "changeKind", iv.decimals, tv.kind as "targetKind"
                from ind left join indicator_view iv on iv.code = ind.code
                left join target_view tv on tv.indicator_code = ind.code and tv.year = :year and tv.unit_key = '') i),
             'city', (select coalesce(json_agg(c), '[]') from (
                select c.indicator_code as "indicatorCode", c.indicator_name as "indicatorName",
                       c.measure_unit as "measureUnit", c.nature, c.direction, c.category, c.aggregation,
                       c.change_kind as "changeKind", c.decimals, c.formed_from_months as "formedFromMonths", c.value,
                       c.year_to_date as "yearToDate", c.target, c.attainment_percent as "attainmentPercent",
                       c.expected_percent as "expectedPercent", c.same_period_last_year as "samePeriodLastYear",
                       c.change, c.status, c.current_version as "currentVersion", c.partial,
                       c.contributing_units as "contributingUnits",
                       (select coalesce(json_agg(json_build_object('code', mu, 'name', uv.name)), '[]')
                          from unnest(c.missing_units) mu left join unit_view uv on uv.code = mu) as "missingUnits",
                       c.revision, c.computed_at as "computedAt"
                from city_result c join ind on ind.code = c.indicator_code where c.period = :period) c),
             'units', (select coalesce(json_agg(u), '[]') from (
                select distinct on (r.indicator_code, r.unit_code) r.indicator_code as "indicatorCode",
                       r.unit_code as "unitCode", uv.name as "unitName", r.period, r.current_version as "version",
                       r.value, r.year_to_date as "yearToDate", r.target, r.attainment_percent as "attainmentPercent",
                       r.same_period_last_year as "samePeriodLastYear", r.change, r.status
                from unit_result r join ind on ind.code = r.indicator_code
                left join unit_view uv on uv.code = r.unit_code
                where r.period = any(string_to_array(:periods, ','))
                order by r.indicator_code, r.unit_code,
                         array_position(string_to_array(:periods, ','), r.period)) u)) as text)
            """;

    /** Writes the lines built (a JSON array of {code, offTrack, line}). */
    static final String UPSERT = """
            insert into pack_line (period, indicator_code, off_track, line, refreshed_at)
            select :period, x->>'code', cast(x->>'offTrack' as boolean), x->>'line', now()
            from json_array_elements(cast(cast(:lines as text) as json)) x
            on conflict (period, indicator_code) do %s
            """;

    /** Lines of the indicators named that have nothing to show any more. */
    static final String DELETE = """
            delete from pack_line where period = :period and indicator_code = any(string_to_array(:codes, ','))
              and not (indicator_code = any(string_to_array(:kept, ',')))
            """;

    /** Marks the lines the query {@code select period, indicator_code …} names, in one order (see {@link #mark}). */
    private static String marks(String select) {
        return "insert into pack_line_pending (period, indicator_code, marked_at) " + select
                + " on conflict (period, indicator_code) do update set marked_at = excluded.marked_at";
    }

    static final String MARK = marks("select p, :code, now() from unnest(string_to_array(:periods, ',')) p order by p");

    /** The lines of an indicator that exist, or those of a year ({@code :year} = '' for all). */
    static final String MARK_EXISTING = marks("""
            select period, indicator_code, now() from pack_line
            where indicator_code = :code and (:year = '' or period = :year or period like :yearPrefix) order by period""");

    /** Lines that show something of a unit (beneath, or among the missing units). */
    static final String MARK_UNIT = marks("""
            select period, indicator_code, now() from pack_line
            where strpos(line, :unitCode) > 0 or strpos(line, :code) > 0 order by period, indicator_code""");

    static final String PENDING_PERIODS = """
            select period from pack_line_pending group by period order by min(marked_at) limit :limit
            """;

    /**
     * Takes the marks of a period: they stay locked until the build commits. A pack read takes them all, waiting for
     * the events still writing them, so that it never shows less than the read models hold.
     */
    static final String TAKE_PENDING = """
            delete from pack_line_pending where period = :period returning indicator_code
            """;

    /**
     * Takes the marks of a period that no event is writing right now; the others are taken by a later sweep, after
     * their events commit. The sweep does not queue behind a batch of events holding hundreds of marks, and the
     * batches of the other partitions do not queue behind it.
     */
    static final String TAKE_UNLOCKED = """
            delete from pack_line_pending where (period, indicator_code) in (
                select period, indicator_code from pack_line_pending where period = :period for update skip locked)
            returning indicator_code
            """;

    /**
     * Results without a line: loaded behind the consumers' back (an upgrade from before pack_line, a direct load). A
     * line that is marked is left to the build of the marks (under load most new lines are: a figure of a period no
     * figure had before marks its lines, and sweeping them here as well ran this query back to back). A month's result
     * also needs its quarter's, half year's and year's lines (for any other period {@code month} is null, and so are
     * they); a month is digits only ({@code 2026-04}), and a quarter or half year has a month's length
     * ({@code 2026-Q2}), which a {@code like '____-__'} took for a month, failing the whole query.
     */
    static final String MISSING = """
            select x.period || '|' || string_agg(x.indicator_code, ',') from (
                select indicator_code, period from city_result
                union
                select r.indicator_code, p.period from unit_result r,
                  lateral (select cast(substring(r.period from '^[0-9]+-([0-9]+)$') as int) as month) mon,
                  lateral (values (r.period), (left(r.period, 4) || '-Q' || ((mon.month + 2) / 3)),
                    (left(r.period, 4) || '-H' || ((mon.month + 5) / 6)),
                    (case when mon.month is not null then left(r.period, 4) end)) p(period)
                where p.period is not null) x
            where not exists (select 1 from pack_line l where l.period = x.period and l.indicator_code = x.indicator_code)
              and not exists (select 1 from pack_line_pending m
                              where m.period = x.period and m.indicator_code = x.indicator_code)
            group by x.period
            limit :limit
            """;

    private final ObjectMapper mapper;
    private volatile long lastMarked = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    public PackLines(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The periods whose lines show a unit's result of {@code period}: the period, and for a month its quarter, half year and year. */
    public static List<Period> showing(Period period) {
        List<Period> out = new ArrayList<>();
        out.add(period);
        if (period.kind() == PeriodKind.MONTH) {
            int m = period.index();
            out.add(Period.quarter(period.year(), (m + 2) / 3));
            out.add(Period.half(period.year(), (m + 5) / 6));
            out.add(Period.year(period.year()));
        }
        return out;
    }

    /**
     * Marks the lines of {@code indicator} for {@code periods} to be rebuilt, in the caller's (the event's)
     * transaction; {@link #buildPending} rebuilds them once for every event that marked them meanwhile. The rows are
     * written in one order and locked until the event commits, so a build that takes them waits for that commit and
     * then reads what the event wrote (a mark is never lost between a build's read and its commit).
     */
    public Uni<Void> mark(String indicator, Collection<Period> periods) {
        String list = periods.stream().map(Period::toString).distinct().sorted().collect(Collectors.joining(","));
        return execute(MARK, Map.of("code", indicator, "periods", list));
    }

    /** Marks the lines of an indicator that exist (its catalogue entry changed), or of its periods of a year. */
    public Uni<Void> markExisting(String indicator, Integer year) {
        String y = year == null ? "" : year.toString();
        return execute(MARK_EXISTING, Map.of("code", indicator, "year", y, "yearPrefix", y + "-%"));
    }

    /** Marks the lines that show a unit (its name changed, or it became known after the lines were built). */
    public Uni<Void> markUnit(String unitCode) {
        return execute(MARK_UNIT, Map.of("unitCode", "\"unitCode\":\"" + unitCode + "\"",
                "code", "\"code\":\"" + unitCode + "\""));
    }

    /** Notes that lines were marked by a statement of its own ({@code FigureSubmissions}). */
    public void marked() {
        lastMarked = System.nanoTime();
    }

    /** When this process last marked lines ({@link System#nanoTime()}), so that the sweep looks soon after. */
    public long lastMarked() {
        return lastMarked;
    }

    /** Periods that have marked lines, oldest mark first. */
    public Uni<List<String>> pendingPeriods(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(PENDING_PERIODS, String.class)
                .setParameter("limit", limit).getResultList());
    }

    /**
     * Rebuilds the marked lines of one period and clears their marks, in the caller's transaction; with
     * {@code skipLocked} (the sweep) only the marks no event is writing now ({@link #TAKE_UNLOCKED}).
     * @return how many lines were marked
     */
    public Uni<Integer> buildPending(Period period, boolean skipLocked) {
        return Panache.getSession().chain(s -> s.createNativeQuery(skipLocked ? TAKE_UNLOCKED : TAKE_PENDING, String.class)
                .setParameter("period", period.toString()).getResultList())
                .chain(codes -> codes.isEmpty() ? Uni.createFrom().item(0)
                        : refresh(period, codes.stream().sorted().toList(), true).replaceWith(codes.size()));
    }

    private Uni<Void> execute(String sql, Map<String, String> parameters) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            parameters.forEach(q::setParameter);
            return q.executeUpdate();
        }).invoke(n -> {
            if (n > 0) {
                marked();
            }
        }).replaceWithVoid();
    }

    /**
     * Builds some of the missing lines (up to {@code periods} periods' worth), each only if it is still missing when
     * written (a consumer's newer line wins). @return how many lines were written
     */
    public Uni<Integer> fillMissing(int periods) {
        return Panache.getSession().chain(s -> s.createNativeQuery(MISSING, String.class).setParameter("limit", periods)
                .getResultList()).chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    int[] written = new int[1];
                    return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(r -> {
                        String[] f = r.split("\\|", 2);
                        return refresh(Period.parse(f[0]), List.of(f[1].split(",")), false).invoke(n -> written[0] += n);
                    }).collect().last().map(x -> written[0]);
                });
    }

    /** Builds the lines of {@code codes} for one period and writes them (replacing, or only where missing). */
    private Uni<Integer> refresh(Period period, List<String> codes, boolean replace) {
        String periods = String.join(",", PackRepository.unitPeriods(period));
        String codeList = String.join(",", codes);
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery(ROWS, String.class)
                .setParameter("period", period.toString())
                .setParameter("periods", periods)
                .setParameter("codes", codeList)
                .setParameter("year", period.year())
                .getSingleResult())
                .chain(json -> {
                    LineRows rows = read(json);
                    List<IndicatorLine> lines = BriefingPackBuilder.indicators(period,
                            new Rows(rows.indicators(), rows.city(), rows.units(), List.of(), List.of()));
                    List<Map<String, Object>> out = new ArrayList<>();
                    Set<String> kept = new LinkedHashSet<>();
                    for (IndicatorLine l : lines) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("code", l.indicatorCode());
                        m.put("offTrack", l.offTrack());
                        m.put("line", write(l));
                        out.add(m);
                        kept.add(l.indicatorCode());
                    }
                    Uni<Integer> upsert = out.isEmpty() ? Uni.createFrom().item(0)
                            : s.createNativeQuery(UPSERT.formatted(replace
                                    ? "update set off_track = excluded.off_track, line = excluded.line, refreshed_at = excluded.refreshed_at"
                                    : "nothing"))
                            .setParameter("period", period.toString())
                            .setParameter("lines", write(out))
                            .executeUpdate();
                    if (!replace || kept.size() == codes.size()) {
                        return upsert;
                    }
                    return upsert.call(() -> s.createNativeQuery(DELETE).setParameter("period", period.toString())
                            .setParameter("codes", codeList).setParameter("kept", String.join(",", kept)).executeUpdate());
                }));
    }

    /** The rows of {@link #ROWS}. */
    record LineRows(List<IndicatorRow> indicators, List<CityRow> city, List<UnitRow> units) {
    }

    private LineRows read(String json) {
        try {
            return mapper.readValue(json, LineRows.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pack rows cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
