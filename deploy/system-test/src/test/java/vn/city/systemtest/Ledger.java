package vn.city.systemtest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.city.common.testing.TopicReader;
import vn.city.systemtest.ServiceProcesses.Service;
import vn.city.systemtest.Traffic.Result;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The books of a fault test's load (figures numbered in their note, meetings titled with a prefix), settled against
 * the databases and topics once the load stopped: accepted writes stored, refused ones absent or complete with their
 * event, every event produced applied exactly once by each consumer, nothing good dead-lettered.
 */
final class Ledger {

    static final int DIRECTIVES = LoadUnderFault.DIRECTIVES;

    private Ledger() {
    }

    /** The month of the i-th figure of a load: 2000-01 … 2024-12 (the units exist then, none in the future). */
    static java.time.YearMonth period(int i) {
        return java.time.YearMonth.of(2000, 1).plusMonths(i % 300);
    }

    /** The version of the i-th figure: every month once as estimate, then preliminary, then official, then again. */
    static String version(int i) {
        return List.of("ESTIMATE", "PRELIMINARY", "OFFICIAL").get((i / 300) % 3);
    }

    static void settle(String scenario, List<Result> all, String code, String titlePrefix, TopicReader taskDlq,
                       TopicReader meetingDlq) {
        // figures: accepted ones stored; refused ones absent or complete
        Set<Integer> accepted = numbers(all, "figure", true);
        Set<Integer> refused = numbers(all, "figure", false);
        List<String> storedNotes = Db.strings(Service.INDICATOR, "select note from figure_submission where indicator_code = ?", code);
        Set<Integer> stored = storedNotes.stream().map(n -> Integer.parseInt(n.substring(n.indexOf('#') + 1)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(storedNotes).as("one row a figure").hasSameSizeAs(stored);
        assertThat(stored).as("every accepted figure is stored").containsAll(accepted);
        Set<Integer> refusedButCommitted = new TreeSet<>(refused);
        refusedButCommitted.retainAll(stored);
        assertThat(stored.size()).isEqualTo(accepted.size() + refusedButCommitted.size());
        List<String> figureEvents = Db.strings(Service.INDICATOR, "select id::text from outbox_event where type ="
                + " 'city.indicator.figure-submitted.v1' and event_key like ?", code + "/%");
        assertThat(figureEvents).as("a figure-submitted event for every stored figure, none without").hasSize(stored.size());

        // meetings: every published conclusion has its event; every conclusion became its tasks once
        List<String> publishedMeetings = Db.strings(Service.MEETING, "select distinct m.id::text from meeting m join"
                + " conclusion c on c.meeting_id = m.id where m.title like ? and c.published_at is not null", titlePrefix + "%");
        Set<String> publishedOk = all.stream().filter(r -> r.op().equals("publish") && r.ok()).map(Result::tag)
                .collect(Collectors.toSet());
        assertThat(publishedMeetings).as("every conclusion answered 200 is published").containsAll(publishedOk);
        long concludedEvents = Db.countAny(Service.MEETING, "select count(*) from outbox_event where type ="
                + " 'city.meeting.meeting-concluded.v1' and event_key = any(?)", publishedMeetings);
        assertThat(concludedEvents).as("a meeting-concluded event for every published conclusion, none without")
                .isEqualTo(publishedMeetings.size());

        // the relays and consumers resumed: everything published and applied once
        for (Service s : List.of(Service.INDICATOR, Service.MEETING)) {
            await(s.module + " relay published everything").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Db.count(s, "select count(*) from outbox_event where sent_at is null") == 0);
        }
        await("task-service made every conclusion's tasks").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.countAny(Service.TASK, "select count(*) from task where source_meeting_id::text = any(?)",
                        publishedMeetings) == (long) DIRECTIVES * publishedMeetings.size());
        await("task-service relay published everything").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.count(Service.TASK, "select count(*) from outbox_event where sent_at is null") == 0);
        List<String> assignedEvents = Db.strings(Service.TASK, "select o.id::text from outbox_event o join task t on"
                + " o.event_key = t.id::text where o.type = 'city.task.task-assigned.v1' and t.source_meeting_id::text"
                + " = any(string_to_array(?, ','))", String.join(",", publishedMeetings));
        Kafka.awaitCaughtUp(Duration.ofSeconds(90), Service.TASK, Service.MEETING);
        long meetingAppliedFigures = Db.countAny(Service.MEETING, "select count(*) from inbox_event where consumer ="
                + " 'meeting-service' and event_id = any(?)", figureEvents);
        long meetingFigureRows = Db.count(Service.MEETING, "select count(*) from figure_submission_view where indicator_code = ?", code);
        // task-service keeps nothing of a figure: that it consumed them all is its group caught up (above), none dead-lettered
        List<String> concludedIds = Db.strings(Service.MEETING, "select id::text from outbox_event where type ="
                + " 'city.meeting.meeting-concluded.v1' and event_key = any(string_to_array(?, ','))",
                String.join(",", publishedMeetings));
        long taskAppliedConclusions = Db.countAny(Service.TASK, "select count(*) from inbox_event where consumer ="
                + " 'task-service' and event_id = any(?)", concludedIds);
        long tasks = Db.countAny(Service.TASK, "select count(*) from task where source_meeting_id::text = any(?)", publishedMeetings);
        long meetingAppliedAssigned = Db.countAny(Service.MEETING, "select count(*) from inbox_event where consumer ="
                + " 'meeting-service' and event_id = any(?)", assignedEvents);
        long taskViewRows = Db.countAny(Service.MEETING, "select count(*) from task_view where source_meeting_id::text = any(?)",
                publishedMeetings);
        long deadLettered = countOurs(taskDlq, code, titlePrefix) + countOurs(meetingDlq, code, titlePrefix);

        Figures.record(scenario, "figures: accepted(201)=%d refused(503)=%d stored=%d (refused but committed=%d, "
                        + "complete with their event) events produced=%d applied meeting-service=%d (read model rows %d) "
                        + "task-service consumed all (caught up); conclusions published=%d (answered 200: %d) meeting-concluded events=%d applied "
                        + "task-service=%d tasks=%d task-assigned=%d applied meeting-service=%d task_view rows=%d; "
                        + "lost=%d appliedTwice=%d deadLettered=%d",
                accepted.size(), refused.size(), stored.size(), refusedButCommitted.size(), figureEvents.size(),
                meetingAppliedFigures, meetingFigureRows, publishedMeetings.size(), publishedOk.size(),
                concludedEvents, taskAppliedConclusions, tasks, assignedEvents.size(), meetingAppliedAssigned, taskViewRows,
                accepted.size() - countIn(accepted, stored), meetingFigureRows - meetingAppliedFigures, deadLettered);

            assertThat(meetingAppliedFigures).isEqualTo(figureEvents.size());
        assertThat(meetingFigureRows).as("applied once: one read-model row an event").isEqualTo(figureEvents.size());
        assertThat(taskAppliedConclusions).isEqualTo(publishedMeetings.size());
        assertThat(tasks).isEqualTo((long) DIRECTIVES * publishedMeetings.size());
        assertThat(assignedEvents).hasSize((int) tasks);
        assertThat(meetingAppliedAssigned).isEqualTo(tasks);
        assertThat(taskViewRows).isEqualTo(tasks);
        assertThat(deadLettered).as("good events dead-lettered").isZero();
    }

    private static Set<Integer> numbers(List<Result> results, String op, boolean ok) {
        return results.stream().filter(r -> r.op().equals(op) && r.ok() == ok)
                .map(r -> Integer.parseInt(r.tag().substring(1))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int countIn(Set<Integer> a, Set<Integer> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    static long countOurs(TopicReader dlq, String... markers) {
        dlq.drain(e -> false, Duration.ofSeconds(2)); // reads what arrived so far
        List<ConsumerRecord<String, String>> records = dlq.records();
        return records.stream().filter(r -> r.value() != null && java.util.Arrays.stream(markers).anyMatch(r.value()::contains))
                .count();
    }
}
