package vn.city.meeting.readmodel.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.event.CloudEvent;
import vn.city.common.inbox.Inbox;
import vn.city.meeting.readmodel.repository.ResultRepository.Figures;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static vn.city.meeting.readmodel.repository.ResultRepository.text;

/**
 * Stores a figure submission as ONE statement that commits on its own: the inbox row, the submission (history,
 * "revised since"), the unit's own result (the newest submission wins) and the marks of the pack lines it changes.
 * At the cut-off-day peak figures arrive by the hundred per second; a transaction of five round trips each made this
 * consumer the bottleneck of commit → briefing.
 */
@ApplicationScoped
public class FigureSubmissions {

    /** A figure-submitted event as the read model keeps it. */
    public record Submission(String submissionId, String indicatorCode, String indicatorName, String measureUnit,
                             String nature, String direction, String unitCode, String period, String version,
                             BigDecimal value, OffsetDateTime submittedAt, String result, Figures unitResult) {
    }

    static final String SQL = """
            with inbox as (%s),
            submission as (
                insert into figure_submission_view (submission_id, indicator_code, indicator_name, measure_unit, nature,
                    direction, unit_code, period, version, value, submitted_at, received_at, result)
                select $4, $5, $6, $7, $8, $9, $10, $11, $12, cast($13::text as numeric), $14::timestamptz, now(), $15
                where exists (select 1 from inbox)
                on conflict (submission_id) do nothing
                returning 1),
            unit as (
                insert into unit_result (indicator_code, unit_code, period, value, year_to_date, target,
                    attainment_percent, expected_percent, same_period_last_year, change, change_kind, status,
                    current_version, submission_id, submitted_at, received_at)
                select $5, $10, $11, cast($16::text as numeric), cast($17::text as numeric), cast($18::text as numeric),
                    cast($19::text as numeric), cast($20::text as numeric), cast($21::text as numeric),
                    cast($22::text as numeric), $23, $24, $25, $4, $14::timestamptz, now()
                where exists (select 1 from submission)
                on conflict (indicator_code, unit_code, period) do update set value = excluded.value,
                    year_to_date = excluded.year_to_date, target = excluded.target,
                    attainment_percent = excluded.attainment_percent, expected_percent = excluded.expected_percent,
                    same_period_last_year = excluded.same_period_last_year, change = excluded.change,
                    change_kind = excluded.change_kind, status = excluded.status,
                    current_version = excluded.current_version, submission_id = excluded.submission_id,
                    submitted_at = excluded.submitted_at, received_at = excluded.received_at
                where unit_result.submitted_at is null or excluded.submitted_at is null
                   or unit_result.submitted_at <= excluded.submitted_at),
            mark as (%s)
            select count(*) as stored from submission
            """.formatted(Inbox.RECORD, ResultRepository.markLines("$5", "$26", "submission"));

    /**
     * Stores the submission once for {@code consumer} and marks the pack lines of {@code linePeriods}; nothing when
     * the inbox already holds the event or the submission is already kept. {@code client}: the pool (the statement
     * commits on its own) or a connection in a batch's transaction. @return whether it was stored now
     */
    public Uni<Boolean> storeOnce(SqlClient client, String consumer, CloudEvent event, Submission s, List<String> linePeriods) {
        Figures r = s.unitResult();
        Tuple args = Tuple.tuple(Arrays.asList(consumer, event.id(), event.type(),
                s.submissionId(), s.indicatorCode(), s.indicatorName(), s.measureUnit(), s.nature(), s.direction(),
                s.unitCode(), s.period(), s.version(), text(s.value()), s.submittedAt(), s.result(),
                text(r.value()), text(r.yearToDate()), text(r.target()), text(r.attainmentPercent()),
                text(r.expectedPercent()), text(r.samePeriodLastYear()), text(r.change()), r.changeKind(), r.status(),
                r.currentVersion(), linePeriods.stream().sorted().toArray(String[]::new)));
        return client.preparedQuery(SQL).execute(args).map(rows -> rows.iterator().next().getLong("stored") > 0);
    }
}
