package vn.city.meeting.pack.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.meeting.AgendaItem;
import vn.city.meeting.meeting.ItemKind;
import vn.city.meeting.meeting.Meeting;
import vn.city.common.period.Period;
import vn.city.meeting.meeting.service.MeetingService;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.BriefingPack.TaskLine;
import vn.city.meeting.pack.BriefingPackBuilder;
import vn.city.meeting.pack.BriefingPackBuilder.Facts;
import vn.city.meeting.pack.BriefingPackBuilder.Figure;
import vn.city.meeting.pack.FrozenPack;
import vn.city.meeting.readmodel.FigureSubmissionView;
import vn.city.meeting.readmodel.OffTrackView;
import vn.city.meeting.readmodel.TargetView;
import vn.city.meeting.readmodel.TaskView;
import vn.city.meeting.readmodel.UnitView;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Assembles briefing packs from the read models, freezes them at conclusion and shows what was revised since. */
@ApplicationScoped
public class PackService {

    private final ObjectMapper mapper;
    private final MeetingService meetings;

    public PackService(ObjectMapper mapper, MeetingService meetings) {
        this.mapper = mapper;
        this.meetings = meetings;
    }

    public record FigureRevision(String indicatorCode, String indicatorName, String unitCode, String version,
                                 BigDecimal value, String frozenVersion, BigDecimal frozenValue,
                                 OffsetDateTime submittedAt, OffsetDateTime receivedAt) {
    }

    public record TaskRevision(UUID taskId, String title, String leadUnit, BriefingPack.TaskState frozenState,
                               BriefingPack.TaskState currentState) {
    }

    public record Revisions(UUID meetingId, String period, OffsetDateTime frozenAt, List<FigureRevision> figures,
                            List<TaskRevision> tasks) {
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The frozen pack of a concluded meeting, else the live one (proposing carried-over tasks on the way). */
    @WithTransaction
    public Uni<BriefingPack> forMeeting(CurrentUser user, UUID meetingId) {
        // The row lock serialises concurrent readers proposing the same carried-over tasks.
        return MeetingService.lock(meetingId).chain(m -> {
            MeetingAccess.requireSee(user, m.attendeeUnits);
            return FrozenPack.<FrozenPack>findById(m.id).chain(frozen -> frozen != null
                    ? Uni.createFrom().item(read(frozen))
                    : meetings.proposeCarryOver(m).chain(() -> live(m, now())));
        });
    }

    @WithSession
    public Uni<BriefingPack> forPeriod(String period) {
        Period p = Period.tryParse(period).orElseThrow(() -> ProblemException.badRequest("period", "period-format",
                "period must be " + Period.FORMAT));
        return compute(null, p, now(), List.of());
    }

    @WithSession
    public Uni<Revisions> revisions(CurrentUser user, UUID meetingId) {
        return MeetingService.find(meetingId).chain(m -> {
            MeetingAccess.requireSee(user, m.attendeeUnits);
            return FrozenPack.<FrozenPack>findById(m.id).chain(frozen -> {
                if (frozen == null) {
                    throw ProblemException.conflict("not-frozen",
                            "the pack of meeting " + m.id + " is frozen when the meeting concludes; it is " + m.status);
                }
                BriefingPack before = read(frozen);
                return FigureSubmissionView.<FigureSubmissionView>find(
                                "period = ?1 and receivedAt > ?2 order by receivedAt", m.period, frozen.frozenAt).list()
                        .chain(figures -> live(m, now()).map(current -> {
                            Map<String, BriefingPack.IndicatorLine> frozenLines = before.indicators().stream()
                                    .collect(Collectors.toMap(BriefingPack.IndicatorLine::indicatorCode, Function.identity(), (a, b) -> a));
                            List<FigureRevision> figureRevisions = figures.stream().map(f -> {
                                BriefingPack.IndicatorLine was = frozenLines.get(f.indicatorCode);
                                return new FigureRevision(f.indicatorCode, f.indicatorName, f.unitCode, f.version, f.value,
                                        was == null ? null : was.version(), was == null ? null : was.value(),
                                        f.submittedAt, f.receivedAt);
                            }).toList();
                            return new Revisions(m.id, m.period, frozen.frozenAt, figureRevisions,
                                    taskRevisions(before, current));
                        }));
            });
        });
    }

    /** Freezes the pack as known now, inside the caller's transaction. */
    public Uni<BriefingPack> freeze(Meeting m, OffsetDateTime at) {
        return live(m, at).chain(pack -> {
            BriefingPack frozen = new BriefingPack(pack.meetingId(), pack.period(), pack.periodLabel(), at, true, at,
                    pack.indicators(), pack.units(), pack.totals(), pack.carryOver());
            FrozenPack row = new FrozenPack();
            row.meetingId = m.id;
            row.period = m.period;
            row.frozenAt = at;
            row.document = write(frozen);
            return row.persist().replaceWith(frozen);
        });
    }

    /** The pack that the narrative of a meeting is written from: frozen if concluded, else live. */
    @WithSession
    public Uni<BriefingPack> packOf(Meeting m) {
        return FrozenPack.<FrozenPack>findById(m.id)
                .chain(frozen -> frozen != null ? Uni.createFrom().item(read(frozen)) : live(m, now()));
    }

    Uni<BriefingPack> live(Meeting m, OffsetDateTime asOf) {
        Period period = Period.tryParse(m.period).orElseThrow();
        return AgendaItem.<AgendaItem>find("meetingId = ?1 and kind = ?2 order by position", m.id, ItemKind.CARRY_OVER)
                .list()
                .chain(items -> {
                    List<UUID> ids = items.stream().map(i -> i.taskId).toList();
                    Uni<List<TaskView>> tasks = ids.isEmpty() ? Uni.createFrom().item(List.of())
                            : TaskView.<TaskView>find("taskId in ?1", ids).list();
                    return tasks.map(ts -> {
                        Map<UUID, TaskView> byId = ts.stream().collect(Collectors.toMap(t -> t.taskId, t -> t));
                        List<CarryOver> out = new ArrayList<>();
                        for (AgendaItem i : items) {
                            TaskView t = byId.get(i.taskId);
                            if (t != null) {
                                out.add(new CarryOver(t.taskId, t.title, t.leadUnit, t.status, t.deadline, t.overdue,
                                        t.sourceMeetingId, i.id));
                            }
                        }
                        return out;
                    });
                })
                .chain(carry -> compute(m.id, period, asOf, carry));
    }

    private Uni<BriefingPack> compute(UUID meetingId, Period period, OffsetDateTime asOf, List<CarryOver> carry) {
        return FigureSubmissionView.<FigureSubmissionView>find("period = ?1 and receivedAt <= ?2", period.toString(), asOf)
                .list()
                .chain(figures -> {
                    Set<String> codes = figures.stream().map(f -> f.indicatorCode).collect(Collectors.toSet());
                    Uni<List<TargetView>> targets = codes.isEmpty() ? Uni.createFrom().item(List.of())
                            : TargetView.<TargetView>find("key.indicatorCode in ?1 and key.year = ?2 and key.unitKey = ''",
                            codes, period.year()).list();
                    return targets.chain(ts -> OffTrackView.<OffTrackView>find(
                                    "key.period = ?1 and receivedAt <= ?2", period.toString(), asOf).list()
                            .chain(flags -> TaskView.<TaskView>find(
                                    "period = ?1 or (deadline >= ?2 and deadline <= ?3)"
                                            + " or (completedAt >= ?4 and completedAt < ?5)",
                                    period.toString(), period.startDate(), period.endDate(),
                                    period.startDate().atStartOfDay().atOffset(ZoneOffset.UTC),
                                    period.endDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)).list()
                                    .chain(tasks -> {
                                        Set<String> unitCodes = new LinkedHashSet<>();
                                        tasks.forEach(t -> unitCodes.add(t.leadUnit));
                                        unitCodes.remove(null);
                                        Uni<List<UnitView>> units = unitCodes.isEmpty() ? Uni.createFrom().item(List.of())
                                                : UnitView.<UnitView>find("code in ?1", unitCodes).list();
                                        return units.map(us -> {
                                            Map<String, String> names = new HashMap<>();
                                            us.forEach(u -> {
                                                if (u.name != null) {
                                                    names.put(u.code, u.name);
                                                }
                                            });
                                            Map<String, String> kinds = new HashMap<>();
                                            ts.forEach(t -> {
                                                if (t.kind != null) {
                                                    kinds.put(t.key.indicatorCode, t.kind);
                                                }
                                            });
                                            Set<String> offTrack = new HashSet<>();
                                            flags.forEach(f -> offTrack.add(f.key.indicatorCode));
                                            Facts facts = new Facts(figures.stream().map(this::figure).toList(), kinds,
                                                    offTrack, tasks.stream().map(PackService::task).toList(), names, carry);
                                            return BriefingPackBuilder.build(meetingId, period, asOf, facts);
                                        });
                                    })));
                });
    }

    private Figure figure(FigureSubmissionView f) {
        try {
            return new Figure(f.submissionId, f.indicatorCode, f.indicatorName, f.measureUnit, f.nature, f.direction,
                    f.unitCode, f.version, f.value, f.submittedAt, f.receivedAt, mapper.readTree(f.result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result of submission " + f.submissionId + " is not JSON", e);
        }
    }

    private static BriefingPackBuilder.Task task(TaskView t) {
        return new BriefingPackBuilder.Task(t.taskId, t.title, t.leadUnit, t.status, t.deadline, t.ongoing, t.overdue,
                t.completedAt, t.completedOnTime, t.sourceMeetingId);
    }

    private static List<TaskRevision> taskRevisions(BriefingPack before, BriefingPack now) {
        Map<UUID, TaskLine> was = new HashMap<>();
        before.units().forEach(u -> u.tasks().forEach(t -> was.put(t.taskId(), t)));
        List<TaskRevision> out = new ArrayList<>();
        now.units().forEach(u -> u.tasks().forEach(t -> {
            TaskLine old = was.get(t.taskId());
            if (old == null || old.state() != t.state()) {
                out.add(new TaskRevision(t.taskId(), t.title(), t.leadUnit(), old == null ? null : old.state(), t.state()));
            }
        }));
        return out;
    }

    private String write(BriefingPack pack) {
        try {
            return mapper.writeValueAsString(pack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BriefingPack read(FrozenPack frozen) {
        try {
            return mapper.readValue(frozen.document, BriefingPack.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen pack of " + frozen.meetingId + " cannot be read", e);
        }
    }
}
