package vn.city.meeting.pack.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.period.Period;
import vn.city.common.period.PeriodKind;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.PackConfig;
import vn.city.meeting.pack.BriefingPack.IndicatorLine;
import vn.city.meeting.pack.BriefingPackBuilder.TaskRow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Reads everything a pack shows in ONE statement (one round trip, no writes): the meeting and its frozen document
 * when there is one, the period's lines as the consumers made them ready ({@code pack_line}, concatenated in pack
 * order: off-track first, then by code), the period's tasks (only those an officer's unit leads or coordinates when
 * {@code taskScope} is set) and the carried-over tasks on the meeting's agenda.
 */
@ApplicationScoped
public class PackRepository {

    /** The meeting row, its frozen pack (if any), the ready lines of its period (a JSON array), tasks, carry-over. */
    public record PackRead(MeetingRow meeting, String frozenDocument, byte[] lines, List<TaskRow> tasks,
                           List<CarryOver> carryOver) {
    }

    public record MeetingRow(UUID id, String type, String period, String status, List<String> attendeeUnits) {
    }

    static final String SQL = """
            select
             (select row_to_json(m)::text from (select id, type, period, status, attendee_units::json as "attendeeUnits"
                from meeting where id = $7) m) as meeting,
             (select document from frozen_pack where meeting_id = $7) as frozen,
             (select convert_to('[' || coalesce(string_agg(l.line, ',' order by l.off_track desc,
                     l.indicator_code collate "C"), '') || ']', 'UTF8') from pack_line l where l.period = $1) as lines,
             (select coalesce(json_agg(t), '[]')::text from (
                select t.task_id as "taskId", t.title, t.lead_unit as "leadUnit", uv.name as "leadUnitName", t.status,
                       t.deadline, t.ongoing, t.overdue, t.completed_at as "completedAt",
                       t.completed_on_time as "completedOnTime", t.source_meeting_id as "sourceMeetingId"
                from task_view t left join unit_view uv on uv.code = t.lead_unit
                where (t.period = $1 or (t.deadline >= $2 and t.deadline <= $3)
                       or (t.completed_at >= $4 and t.completed_at < $5))
                  and ($6::text is null or t.lead_unit = $6 or $6 = any(t.coordinating_units))) t) as tasks,
             (select coalesce(json_agg(x order by x.position), '[]')::text from (
                select a.position, t.task_id as "taskId", t.title, t.lead_unit as "leadUnit", t.status, t.deadline,
                       t.overdue, t.source_meeting_id as "sourceMeetingId", a.id as "agendaItemId"
                from agenda_item a join task_view t on t.task_id = a.task_id
                where a.meeting_id = $7 and a.kind = 'CARRY_OVER'
                  and ($6::text is null or t.lead_unit = $6 or $6 = any(t.coordinating_units))) x) as carry,
             exists (select 1 from pack_line_pending where period = $1) as pending
            """;

    private final Pool pool;
    private final PackLines lines;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final Map<UUID, String> periods = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > 10_000;
        }
    });

    public PackRepository(Pool pool, PackLines lines, ObjectMapper mapper, PackConfig config) {
        this.zone = config.zone();
        this.pool = pool;
        this.lines = lines;
        this.mapper = mapper;
    }

    /**
     * What a pack shows for a period (and a meeting, or null), in one statement: the lines were made ready by the
     * consumers ({@link PackLines}); the tasks depend on the day and the caller, so they are read as rows. When events
     * marked lines of the period that are not rebuilt yet, they are built first and the statement runs again: a pack
     * never shows less than the read models hold.
     */
    public Uni<PackRead> read(UUID meetingId, Period period, String taskScope) {
        return readOnce(meetingId, period, taskScope, true).chain(read -> read == null
                ? Panache.withTransaction(() -> lines.buildPending(period, false))
                        .chain(() -> readOnce(meetingId, period, taskScope, false))
                : Uni.createFrom().item(read));
    }

    /** One read; null when {@code orBuild} and the period has marked lines not built yet. */
    private Uni<PackRead> readOnce(UUID meetingId, Period period, String taskScope, boolean orBuild) {
        Tuple args = Tuple.tuple(List.of(period.toString(), period.startDate(), period.endDate(),
                period.startDate().atStartOfDay(zone).toOffsetDateTime(),
                period.endDate().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        args.addString(taskScope);
        args.addUUID(meetingId);
        return pool.preparedQuery(SQL).execute(args).map(rs -> {
            Row r = rs.iterator().next();
            if (orBuild && r.getBoolean("pending")) {
                return null;
            }
            MeetingRow meeting = r.getString("meeting") == null ? null : read(r.getString("meeting"), new TypeReference<>() { });
            // the lines as UTF-8 bytes (bytea): copied into the answer, never decoded
            return new PackRead(meeting, r.getString("frozen"), r.getBuffer("lines").getBytes(),
                    read(r.getString("tasks"), new TypeReference<List<TaskRow>>() { }),
                    read(r.getString("carry"), new TypeReference<List<CarryOver>>() { }));
        });
    }

    /** The lines of a read, parsed (to freeze them, write the narrative or compare them). */
    public List<IndicatorLine> lines(PackRead read) {
        try {
            return mapper.readValue(read.lines(), new TypeReference<List<IndicatorLine>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("pack lines cannot be read: " + e.getMessage(), e);
        }
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
