package vn.city.meeting.pack.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.PackConfig;
import vn.city.meeting.pack.BriefingPackBuilder.CityRow;
import vn.city.meeting.pack.BriefingPackBuilder.IndicatorRow;
import vn.city.meeting.pack.BriefingPackBuilder.Rows;
import vn.city.meeting.pack.BriefingPackBuilder.TaskRow;
import vn.city.meeting.pack.BriefingPackBuilder.UnitRow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Reads everything a pack shows in ONE statement (one round trip, no writes): the meeting and its frozen document
 * when there is one, the city results of the period, each unit's own result, the indicators' catalogue entries and
 * target kinds, the period's tasks (only those an officer's unit leads or coordinates when {@code taskScope} is set)
 * and the carried-over tasks on the meeting's agenda. The rows were kept up to date as the events arrived.
 */
@ApplicationScoped
public class PackRepository {

    /** The meeting row, its frozen pack (if any), and the live rows of its period. */
    public record PackRead(MeetingRow meeting, String frozenDocument, Rows rows) {
    }

    public record MeetingRow(UUID id, String type, String period, String status, List<String> attendeeUnits) {
    }

    static final String SQL = """
            with ind as (
                select code from (
                    select indicator_code as code from city_result where period = $1
                    union
                    select indicator_code from unit_result where period = any($2)) x)
            select
             (select row_to_json(m)::text from (select id, type, period, status, attendee_units::json as "attendeeUnits"
                from meeting where id = $9) m) as meeting,
             (select document from frozen_pack where meeting_id = $9) as frozen,
             (select coalesce(json_agg(i), '[]')::text from (
                select ind.code, iv.name, iv.measure_unit as "measureUnit", iv.nature, iv.direction, iv.category,
                       iv.aggregation, iv.change_kind as "changeKind", iv.decimals, tv.kind as "targetKind"
                from ind left join indicator_view iv on iv.code = ind.code
                left join target_view tv on tv.indicator_code = ind.code and tv.year = $3 and tv.unit_key = '') i)
                as indicators,
             (select coalesce(json_agg(c), '[]')::text from (
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
                from city_result c where c.period = $1) c) as city,
             (select coalesce(json_agg(u), '[]')::text from (
                select distinct on (r.indicator_code, r.unit_code) r.indicator_code as "indicatorCode",
                       r.unit_code as "unitCode", uv.name as "unitName", r.period, r.current_version as "version",
                       r.value, r.year_to_date as "yearToDate", r.target, r.attainment_percent as "attainmentPercent",
                       r.same_period_last_year as "samePeriodLastYear", r.change, r.status
                from unit_result r left join unit_view uv on uv.code = r.unit_code
                where r.period = any($2)
                order by r.indicator_code, r.unit_code, array_position($2, r.period)) u) as units,
             (select coalesce(json_agg(t), '[]')::text from (
                select t.task_id as "taskId", t.title, t.lead_unit as "leadUnit", uv.name as "leadUnitName", t.status,
                       t.deadline, t.ongoing, t.overdue, t.completed_at as "completedAt",
                       t.completed_on_time as "completedOnTime", t.source_meeting_id as "sourceMeetingId"
                from task_view t left join unit_view uv on uv.code = t.lead_unit
                where (t.period = $1 or (t.deadline >= $4 and t.deadline <= $5)
                       or (t.completed_at >= $6 and t.completed_at < $7))
                  and ($8::text is null or t.lead_unit = $8 or $8 = any(t.coordinating_units))) t) as tasks,
             (select coalesce(json_agg(x order by x.position), '[]')::text from (
                select a.position, t.task_id as "taskId", t.title, t.lead_unit as "leadUnit", t.status, t.deadline,
                       t.overdue, t.source_meeting_id as "sourceMeetingId", a.id as "agendaItemId"
                from agenda_item a join task_view t on t.task_id = a.task_id
                where a.meeting_id = $9 and a.kind = 'CARRY_OVER'
                  and ($8::text is null or t.lead_unit = $8 or $8 = any(t.coordinating_units))) x) as carry
            """;

    private final Pool pool;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final Map<UUID, String> periods = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > 10_000;
        }
    });

    public PackRepository(Pool pool, ObjectMapper mapper, PackConfig config) {
        this.zone = config.zone();
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * The pack's rows for a period (and a meeting, or null). A unit's result is the one of the period itself or,
     * for a longer period, of its newest month inside it.
     */
    public Uni<PackRead> read(UUID meetingId, Period period, String taskScope) {
        Tuple args = Tuple.tuple(List.of(period.toString(), unitPeriods(period), period.year(), period.startDate(),
                period.endDate(), period.startDate().atStartOfDay(zone).toOffsetDateTime(),
                period.endDate().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        args.addString(taskScope);
        args.addUUID(meetingId);
        return pool.preparedQuery(SQL).execute(args).map(rs -> {
            Row r = rs.iterator().next();
            MeetingRow meeting = r.getString("meeting") == null ? null : read(r.getString("meeting"), new TypeReference<>() { });
            Rows rows = new Rows(read(r.getString("indicators"), new TypeReference<List<IndicatorRow>>() { }),
                    read(r.getString("city"), new TypeReference<List<CityRow>>() { }),
                    read(r.getString("units"), new TypeReference<List<UnitRow>>() { }),
                    read(r.getString("tasks"), new TypeReference<List<TaskRow>>() { }),
                    read(r.getString("carry"), new TypeReference<List<CarryOver>>() { }));
            return new PackRead(meeting, r.getString("frozen"), rows);
        });
    }

    /** The read model's version: raised in the transaction of every change the consumers make to pack rows. */
    public Uni<Long> version() {
        return pool.preparedQuery("select version from pack_version where id = 1").execute()
                .map(rs -> rs.iterator().next().getLong("version"));
    }

    /**
     * The period of a meeting, or null when there is no such meeting. A meeting's period never changes once it is
     * scheduled, so it is remembered: a pack read then stays one statement.
     */
    public Uni<String> periodOf(UUID meetingId) {
        String known = periods.get(meetingId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery("select period from meeting where id = $1").execute(Tuple.of(meetingId))
                .map(rs -> {
                    if (rs.size() == 0) {
                        return null;
                    }
                    String period = rs.iterator().next().getString("period");
                    periods.put(meetingId, period);
                    return period;
                });
    }

    /** The period itself first, then its months newest first (a unit's newest month stands for a longer period). */
    static String[] unitPeriods(Period period) {
        List<String> out = new ArrayList<>();
        out.add(period.toString());
        if (period.kind() != PeriodKind.MONTH) {
            for (var m = java.time.YearMonth.from(period.endDate()); !m.isBefore(java.time.YearMonth.from(period.startDate()));
                 m = m.minusMonths(1)) {
                out.add(m.toString());
            }
        }
        return out.toArray(String[]::new);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pack rows cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
