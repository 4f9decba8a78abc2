package vn.city.meeting.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.event.MalformedEventException;
import vn.city.common.inbox.EventConsumer;
import vn.city.common.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import vn.city.meeting.meeting.repository.ProposalRepository;
import vn.city.meeting.readmodel.TaskView;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Consumes {@code task-events}: every event carries the full task snapshot; the newest by event time wins. An
 * unfinished task of a conclusion is proposed as a carry-over item of the open briefings after its meeting.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TaskEventsConsumer.class);

    static final List<String> TYPES = List.of("task-assigned", "task-started", "task-updated",
            "task-progress-reported", "task-submitted", "task-completed", "task-returned", "task-overdue", "task-extended", "task-cancelled");

    private final EventConsumer consumer;
    private final ProposalRepository proposals;

    public TaskEventsConsumer(EventCodec codec, Inbox inbox, ProposalRepository proposals) {
        this.proposals = proposals;
        Map<String, Function<CloudEvent, Uni<?>>> handlers = new HashMap<>();
        TYPES.forEach(t -> handlers.put("city.task." + t + ".v1", this::snapshot));
        this.consumer = new EventConsumer("meeting-service", codec, inbox, handlers);
    }

    @Incoming("task-events")
    public Uni<Void> consume(String message) {
        return Uni.createFrom().deferred(() -> consumer.consume(message))
                .onFailure().invoke(e -> LOG.warnf("%s: message refused, sent to the dead-letter topic: %s", "task-events", e.toString()));
    }

    Uni<?> snapshot(CloudEvent event) {
        JsonNode task = event.data().path("task");
        if (!task.isObject()) {
            throw new MalformedEventException(event.type() + ": field 'task' (the snapshot) is required");
        }
        UUID taskId = Json.uuid(task, "taskId");
        if (taskId == null) {
            throw new MalformedEventException(event.type() + ": field 'task.taskId' is required");
        }
        String status = Json.required(task, "status", event.type());
        OffsetDateTime eventTime = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        return TaskView.<TaskView>findById(taskId).chain(existing -> {
            if (existing != null && eventTime.isBefore(existing.eventTime)) {
                return Uni.createFrom().voidItem(); // an older snapshot arriving late changes nothing
            }
            TaskView t = existing != null ? existing : new TaskView();
            t.taskId = taskId;
            t.title = Json.text(task, "title");
            t.leadUnit = Json.text(task, "leadUnit");
            t.coordinatingUnits = Json.strings(task, "coordinatingUnits").toArray(String[]::new);
            t.status = status;
            t.period = Json.text(task, "period");
            t.deadline = Json.date(task, "deadline");
            t.ongoing = Json.bool(task, "ongoing", false);
            t.overdue = Json.bool(task, "overdue", false);
            t.completedAt = Json.instant(task, "completedAt");
            t.completedOnTime = Json.boolOrNull(task, "completedOnTime");
            t.assignedAt = Json.instant(task, "assignedAt");
            JsonNode source = task.path("source");
            t.sourceKind = Json.text(source, "kind");
            t.sourceMeetingId = Json.uuid(source, "meetingId");
            t.eventTime = eventTime;
            t.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
            t.snapshot = task.toString();
            Uni<?> stored = existing != null ? Uni.createFrom().item(t) : t.persist();
            // An unfinished task of a conclusion is proposed on the open briefings after its meeting, once each.
            return t.isFinished() || !"CONCLUSION".equals(t.sourceKind) ? stored
                    : stored.call(() -> Panache.flush()).chain(() -> proposals.proposeCarryOverOfTask(taskId));
        });
    }
}
