package vn.city.meeting.meeting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import vn.city.common.outbox.Outbox;
import vn.city.common.problem.Problem;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.meeting.AgendaItem;
import vn.city.meeting.meeting.ItemKind;
import vn.city.meeting.meeting.ItemOutcome;
import vn.city.meeting.meeting.Meeting;
import vn.city.meeting.meeting.MeetingStatus;
import vn.city.meeting.meeting.Opinion;
import vn.city.common.period.Period;
import vn.city.meeting.meeting.ProposalStatus;
import vn.city.meeting.meeting.Stance;
import vn.city.meeting.meeting.repository.ProposalRepository;
import vn.city.meeting.meeting.event.MeetingEvents;
import vn.city.meeting.readmodel.UnitView;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Use cases of a meeting before its conclusion: schedule, run, record items, opinions and outcomes. */
@ApplicationScoped
public class MeetingService {

    private final Outbox outbox;
    private final ProposalRepository proposals;

    public MeetingService(Outbox outbox, ProposalRepository proposals) {
        this.outbox = outbox;
        this.proposals = proposals;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @WithTransaction
    public Uni<MeetingView> schedule(CurrentUser user, NewMeeting cmd) {
        MeetingAccess.requireSecretariat(user);
        if (Period.tryParse(cmd.period()).isEmpty()) {
            throw ProblemException.invalid("period", "period-format",
                    "period must be a month (2022-06), a quarter (2022-Q2), a half year (2022-H1) or a year (2022)");
        }
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.type = cmd.type();
        m.title = cmd.title();
        m.period = Period.canonical(cmd.period());
        m.startsAt = cmd.startsAt();
        m.place = cmd.place();
        m.chair = cmd.chair();
        m.attendeeUnits = distinct(cmd.attendeeUnits());
        m.attendeePeople = distinct(cmd.attendeePeople());
        m.status = MeetingStatus.SCHEDULED;
        m.createdBy = user.username();
        m.createdAt = now();
        return requireKnownUnits(m.attendeeUnits)
                .chain(m::persist)
                .chain(() -> outbox.append(MeetingEvents.SCHEDULED, m.id.toString(), new MeetingEvents.MeetingScheduled(
                        m.id, m.type, m.title, m.period, m.startsAt, m.place, m.chair, m.attendeeUnits)))
                .call(Panache::flush)
                .chain(() -> proposals.proposeCarryOver(m.id))
                .chain(() -> proposals.proposeOffTrack(m.id))
                .chain(() -> view(m));
    }

    /** Attendee units must exist (active) in the unit read model built from indicator-service's events: 422 otherwise. */
    private static Uni<Void> requireKnownUnits(List<String> units) {
        if (units == null || units.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return UnitView.<UnitView>find("code in ?1 and active = true", units).list().map(known -> {
            Set<String> codes = known.stream().map(u -> u.code).collect(Collectors.toSet());
            List<Problem.FieldViolation> violations = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                if (!codes.contains(units.get(i))) {
                    violations.add(new Problem.FieldViolation("attendeeUnits[" + i + "]", "unknown-unit",
                            "unit '" + units.get(i) + "' is not a known active organisation unit"));
                }
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            return null;
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<MeetingView> get(CurrentUser user, UUID id) {
        return find(id).chain(m -> {
            MeetingAccess.requireSee(user, m.attendeeUnits);
            return view(m);
        });
    }

    @WithSession
    public Uni<List<MeetingSummary>> list(CurrentUser user, String period, MeetingStatus status) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (period != null && !period.isBlank()) {
            Period p = Period.tryParse(period).orElseThrow(() -> ProblemException.badRequest("period", "period-format",
                    "period must be " + Period.FORMAT));
            q.append(" and period = :period");
            params.put("period", p.toString());
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        q.append(" order by startsAt desc");
        return Meeting.<Meeting>find(q.toString(), params).range(0, 499).list()
                .map(ms -> ms.stream()
                        .filter(m -> MeetingAccess.canSee(user, m.attendeeUnits))
                        .map(m -> new MeetingSummary(m.id, m.type, m.title, m.period, m.startsAt, m.chair,
                                m.attendeeUnits, m.status))
                        .toList());
    }

    @WithTransaction
    public Uni<MeetingView> start(CurrentUser user, UUID id) {
        MeetingAccess.requireSecretariat(user);
        return lock(id).chain(m -> {
            m.status = m.status.start();
            return view(m);
        });
    }

    @WithTransaction
    public Uni<MeetingView> cancel(CurrentUser user, UUID id, String reason) {
        MeetingAccess.requireSecretariat(user);
        return lock(id).chain(m -> {
            m.status = m.status.cancel();
            m.statusNote = reason;
            return view(m);
        });
    }

    @WithTransaction
    public Uni<MeetingView> recordAttendance(CurrentUser user, UUID id, List<String> present) {
        MeetingAccess.requireSecretariat(user);
        return lock(id).chain(m -> {
            m.status.requireOpen();
            m.attendance = distinct(present);
            return view(m);
        });
    }

    @WithTransaction
    public Uni<ItemView> addItem(CurrentUser user, UUID id, NewItem cmd) {
        MeetingAccess.requireSecretariat(user);
        if (cmd.kind() == ItemKind.CARRY_OVER) {
            throw ProblemException.invalid("kind", "not-carry-over",
                    "carried-over tasks are proposed automatically; add REPORT or FOR_OPINION items");
        }
        if (cmd.kind() == ItemKind.FOR_OPINION && (cmd.presentingUnit() == null || cmd.presentingUnit().isBlank())) {
            throw ProblemException.invalid("presentingUnit", "required",
                    "an item put for opinion names the presenting unit");
        }
        return lock(id).chain(m -> {
            m.status.requireOpen();
            return AgendaItem.count("meetingId", m.id).chain(count -> {
                AgendaItem item = new AgendaItem();
                item.id = UUID.randomUUID();
                item.meetingId = m.id;
                item.position = count.intValue() + 1;
                item.kind = cmd.kind();
                item.title = cmd.title();
                item.presentingUnit = cmd.presentingUnit();
                item.documentKind = cmd.documentKind();
                item.documentRef = cmd.documentRef();
                item.createdAt = now();
                return item.persist().replaceWith(() -> itemView(item, List.of()));
            });
        });
    }

    @WithTransaction
    public Uni<OpinionView> giveOpinion(CurrentUser user, UUID id, UUID itemId, Stance stance, String text) {
        return lock(id).chain(m -> {
            MeetingAccess.requireAttendee(user, m.attendeeUnits);
            m.status.requireOpen();
            return item(m, itemId).chain(item -> {
                if (item.outcome != null) {
                    throw ProblemException.conflict("item-decided", "the item is already decided: " + item.outcome);
                }
                Opinion o = new Opinion();
                o.id = UUID.randomUUID();
                o.itemId = item.id;
                o.member = user.username();
                o.unitCode = user.department();
                o.stance = stance;
                o.text = text;
                o.givenAt = now();
                return o.persist().replaceWith(() -> opinionView(o));
            });
        });
    }

    @WithTransaction
    public Uni<ItemView> decide(CurrentUser user, UUID id, UUID itemId, ItemOutcome outcome, String note) {
        MeetingAccess.requireSecretariat(user);
        return lock(id).chain(m -> {
            m.status.requireOpen();
            return item(m, itemId).chain(item -> {
                if (item.outcome != null) {
                    throw ProblemException.conflict("item-decided", "the item is already decided: " + item.outcome);
                }
                item.outcome = outcome;
                item.outcomeNote = note;
                item.decidedBy = user.username();
                item.decidedAt = now();
                return outbox.append(MeetingEvents.ITEM_DECIDED, m.id.toString(), new MeetingEvents.ItemDecided(
                                m.id, item.id, item.title, item.presentingUnit, item.documentRef, item.outcome))
                        .chain(() -> opinionsOf(List.of(item.id)))
                        .map(ops -> itemView(item, ops.getOrDefault(item.id, List.of())));
            });
        });
    }

    /** Proposes the unfinished tasks of earlier conclusions on a briefing now (an explicit action). */
    @WithTransaction
    public Uni<MeetingView> proposeCarryOver(CurrentUser user, UUID id) {
        MeetingAccess.requireSecretariat(user);
        return lock(id).chain(m -> {
            m.status.requireOpen();
            return proposals.proposeCarryOver(m.id).chain(() -> view(m));
        });
    }

    /**
     * The secretariat accepts or dismisses a proposed item (an off-track indicator); the reason is kept. A dismissed
     * indicator is not proposed again for the period.
     */
    @WithTransaction
    public Uni<ItemView> decideProposal(CurrentUser user, UUID id, UUID itemId, ProposalStatus decision,
                                         String reason) {
        MeetingAccess.requireSecretariat(user);
        if (decision == ProposalStatus.PROPOSED) {
            throw ProblemException.invalid("decision", "accept-or-dismiss", "the decision is ACCEPTED or DISMISSED");
        }
        if (decision == ProposalStatus.DISMISSED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "required", "dismissing a proposed item needs a reason");
        }
        return lock(id).chain(m -> {
            m.status.requireOpen();
            return item(m, itemId).chain(item -> {
                if (item.proposalStatus == null) {
                    throw ProblemException.conflict("not-proposed", "the item was not proposed by the system");
                }
                if (item.proposalStatus != ProposalStatus.PROPOSED) {
                    throw ProblemException.conflict("proposal-decided", "the proposal is already " + item.proposalStatus);
                }
                item.proposalStatus = decision;
                item.proposalReason = reason;
                item.proposalDecidedBy = user.username();
                item.proposalDecidedAt = now();
                return opinionsOf(List.of(item.id)).map(ops -> itemView(item, ops.getOrDefault(item.id, List.of())));
            });
        });
    }

    public static Uni<Meeting> find(UUID id) {
        return Meeting.<Meeting>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("meeting", String.valueOf(id)));
    }

    public static Uni<Meeting> lock(UUID id) {
        return Meeting.<Meeting>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("meeting", String.valueOf(id)));
    }

    private static Uni<AgendaItem> item(Meeting m, UUID itemId) {
        return AgendaItem.<AgendaItem>find("id = ?1 and meetingId = ?2", itemId, m.id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("agenda item", String.valueOf(itemId)));
    }

    public static Uni<MeetingView> view(Meeting m) {
        return AgendaItem.<AgendaItem>find("meetingId = ?1 order by position", m.id).list()
                .chain(items -> opinionsOf(items.stream().map(i -> i.id).toList())
                        .map(ops -> new MeetingView(m.id, m.type, m.title, m.period, m.startsAt, m.place, m.chair,
                                m.attendeeUnits, m.attendeePeople, m.attendance, m.status, m.statusNote,
                                m.concludedAt,
                                items.stream().map(i -> itemView(i, ops.getOrDefault(i.id, List.of()))).toList())));
    }

    private static Uni<Map<UUID, List<OpinionView>>> opinionsOf(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Opinion.<Opinion>find("itemId in ?1 order by givenAt", itemIds).list()
                .map(ops -> ops.stream().collect(Collectors.groupingBy(o -> o.itemId,
                        Collectors.mapping(MeetingService::opinionView, Collectors.toList()))));
    }

    private static ItemView itemView(AgendaItem i, List<OpinionView> opinions) {
        return new ItemView(i.id, i.position, i.kind, i.title, i.presentingUnit, i.documentKind, i.documentRef,
                i.outcome, i.outcomeNote, i.decidedBy, i.decidedAt, i.taskId, i.indicatorCode, i.proposalStatus,
                i.proposalReason, i.proposalDecidedBy, i.proposalDecidedAt, opinions);
    }

    private static OpinionView opinionView(Opinion o) {
        return new OpinionView(o.id, o.member, o.unitCode, o.stance, o.text, o.givenAt);
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(values));
    }

}
