package vn.city.meeting.meeting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Agenda items proposed by the system, inside the caller's transaction. Each insert is idempotent (unique indexes
 * on (meeting, task) and (meeting, indicator); "on conflict do nothing"), so a redelivered event or two replicas
 * never propose twice.
 */
@ApplicationScoped
public class ProposalRepository {

    private static final String OPEN_BRIEFING = "m.status in ('SCHEDULED', 'IN_PROGRESS')"
            + " and m.type not in ('PARTY_COMMITTEE', 'THEMATIC')";
    private static final String NEXT_POSITION =
            "(select coalesce(max(a.position), 0) + 1 from agenda_item a where a.meeting_id = m.id)";
    /** Proposed once for its period: not if any (not cancelled) meeting of the period already has it. */
    private static final String NOT_YET_PROPOSED = """
            not exists (select 1 from agenda_item p join meeting pm on pm.id = p.meeting_id
                        where p.indicator_code = c.indicator_code and pm.period = c.period
                          and pm.status <> 'CANCELLED')""";

    /**
     * An off-track indicator of a period becomes an item of the period's next open briefing, once. Run on the
     * connection of the consumer's statement-level transaction ($1 indicator, $2 period).
     */
    private static final String OFF_TRACK_NEXT_BRIEFING = """
            insert into agenda_item (id, meeting_id, position, kind, title, presenting_unit, document_kind,
                                     document_ref, indicator_code, proposal_status, created_at)
            select gen_random_uuid(), m.id, %s, 'OFF_TRACK',
                   'Chỉ tiêu chưa đạt tiến độ: ' || coalesce(c.indicator_name, c.indicator_code), c.owner_unit,
                   'INDICATOR', c.indicator_code || '/' || c.period, c.indicator_code, 'PROPOSED', now()
            from city_result c
            join lateral (select m.id from meeting m where m.period = c.period and %s
                          order by m.starts_at limit 1) m on true
            where c.indicator_code = $1 and c.period = $2 and c.status = 'BEHIND' and %s
            on conflict do nothing
            """.formatted(NEXT_POSITION, OPEN_BRIEFING, NOT_YET_PROPOSED);

    /** A newly scheduled briefing gets the off-track indicators of its period not proposed elsewhere yet. */
    private static final String OFF_TRACK_FOR_MEETING = """
            insert into agenda_item (id, meeting_id, position, kind, title, presenting_unit, document_kind,
                                     document_ref, indicator_code, proposal_status, created_at)
            select gen_random_uuid(), m.id,
                   %s + (row_number() over (order by c.indicator_code))::int - 1, 'OFF_TRACK',
                   'Chỉ tiêu chưa đạt tiến độ: ' || coalesce(c.indicator_name, c.indicator_code), c.owner_unit,
                   'INDICATOR', c.indicator_code || '/' || c.period, c.indicator_code, 'PROPOSED', now()
            from meeting m join city_result c on c.period = m.period
            where m.id = :meeting and %s and c.status = 'BEHIND' and %s
            on conflict do nothing
            """.formatted(NEXT_POSITION, OPEN_BRIEFING, NOT_YET_PROPOSED);

    /** The unfinished tasks of earlier meetings' conclusions, proposed on a briefing once per task. */
    private static final String CARRY_OVER_FOR_MEETING = """
            insert into agenda_item (id, meeting_id, position, kind, title, presenting_unit, document_kind,
                                     document_ref, task_id, created_at)
            select gen_random_uuid(), m.id,
                   %s + (row_number() over (order by t.assigned_at, t.task_id))::int - 1, 'CARRY_OVER',
                   'Nhiệm vụ chưa hoàn thành: ' || coalesce(t.title, t.task_id::text), t.lead_unit, 'TASK',
                   t.task_id::text, t.task_id, now()
            from meeting m
            join meeting src on src.starts_at < m.starts_at and src.id <> m.id
            join task_view t on t.source_meeting_id = src.id
            where m.id = :meeting and %s and t.source_kind = 'CONCLUSION' and t.status not in ('DONE', 'CANCELLED')
            on conflict do nothing
            """.formatted(NEXT_POSITION, OPEN_BRIEFING);

    /** A task event arrived: an unfinished task of a conclusion goes onto the open briefings after its meeting. */
    private static final String CARRY_OVER_TASK = """
            insert into agenda_item (id, meeting_id, position, kind, title, presenting_unit, document_kind,
                                     document_ref, task_id, created_at)
            select gen_random_uuid(), m.id, %s, 'CARRY_OVER',
                   'Nhiệm vụ chưa hoàn thành: ' || coalesce(t.title, t.task_id::text), t.lead_unit, 'TASK',
                   t.task_id::text, t.task_id, now()
            from task_view t
            join meeting src on src.id = t.source_meeting_id
            join meeting m on m.starts_at > src.starts_at and m.id <> src.id
            where t.task_id = :task and %s and t.source_kind = 'CONCLUSION' and t.status not in ('DONE', 'CANCELLED')
            on conflict do nothing
            """.formatted(NEXT_POSITION, OPEN_BRIEFING);

    /** On the connection of the caller's transaction (city-result-changed is stored by plain statements). */
    public Uni<Integer> proposeOffTrack(SqlConnection connection, String indicatorCode, String period) {
        return connection.preparedQuery(OFF_TRACK_NEXT_BRIEFING).execute(Tuple.of(indicatorCode, period))
                .map(SqlResult::rowCount);
    }

    public Uni<Integer> proposeOffTrack(UUID meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(OFF_TRACK_FOR_MEETING)
                .setParameter("meeting", meetingId)
                .executeUpdate());
    }

    public Uni<Integer> proposeCarryOver(UUID meetingId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CARRY_OVER_FOR_MEETING)
                .setParameter("meeting", meetingId)
                .executeUpdate());
    }

    public Uni<Integer> proposeCarryOverOfTask(UUID taskId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CARRY_OVER_TASK)
                .setParameter("task", taskId)
                .executeUpdate());
    }
}
