package vn.city.meeting.pack.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.meeting.Meeting;
import vn.city.common.period.Period;
import vn.city.meeting.pack.BriefingPack;
import vn.city.meeting.pack.BriefingPackBuilder;
import vn.city.meeting.pack.FrozenPack;
import vn.city.meeting.pack.PackConfig;
import vn.city.meeting.pack.PackRevisions;
import vn.city.meeting.pack.PackRevisions.Revisions;
import vn.city.meeting.pack.ServedPack;
import vn.city.meeting.pack.repository.PackRepository;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Briefing packs: live (read in one query from the lines the consumers keep ready), frozen at the conclusion, and
 * "revised since" (the frozen pack against today's). Reads never write, and nothing is cached: every read is one
 * indexed query.
 */
@ApplicationScoped
public class PackService {

    private final ObjectMapper mapper;
    private final PackRepository repository;
    private final PackConfig config;

    public PackService(ObjectMapper mapper, PackRepository repository, PackConfig config) {
        this.mapper = mapper;
        this.repository = repository;
        this.config = config;
    }

    /** Now, at the city's offset: the pack's day (a deadline passed or not) is the city's day. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(config.zone());
    }

    /**
     * What of the tasks a user sees in a live pack, the same as task-service shows it: everything for leaders, the
     * secretariat and viewers; an officer only the tasks its unit leads or coordinates.
     */
    public static String taskScope(CurrentUser user) {
        if (user.has(Roles.LEADER) || user.has(Roles.SECRETARIAT) || user.has(Roles.VIEWER)) {
            return null;
        }
        // No unit: nothing matches (task-service refuses such a caller any task).
        return user.department() == null ? "" : user.department();
    }

    /**
     * The frozen pack of a concluded meeting (whole, for its attendees) as it was written, else the live one, as the
     * JSON served. One query; the lines are copied as the consumers made them ready.
     */
    public Uni<byte[]> forMeeting(CurrentUser user, UUID meetingId) {
        String scope = taskScope(user);
        return periodOfMeeting(meetingId).chain(period -> repository.read(meetingId, period, scope)).map(read -> {
            MeetingAccess.requireSee(user, read.meeting().attendeeUnits());
            if (read.frozenDocument() != null) {
                return read.frozenDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return serve(meetingId, Period.tryParse(read.meeting().period()).orElseThrow(), read, scope);
        });
    }

    /** The live pack of a period, as the JSON served. One query. */
    public Uni<byte[]> forPeriod(CurrentUser user, String period) {
        Period p = Period.tryParse(period).orElseThrow(() -> ProblemException.badRequest("period", "period-format",
                "period must look like 2022-06, 2022-Q2, 2022-H1 or 2022"));
        String scope = taskScope(user);
        return repository.read(null, p, scope).map(read -> serve(null, p, read, scope));
    }

    /** The JSON of a live pack: the ready lines as they are, the tasks in their state of the city's day. */
    private byte[] serve(UUID meetingId, Period period, PackRepository.PackRead read, String scope) {
        OffsetDateTime at = now();
        BriefingPackBuilder.Tasks tasks = BriefingPackBuilder.tasks(read.tasks(), at.toLocalDate());
        try {
            return ServedPack.json(mapper, new ServedPack.Head(meetingId, period.toString(), period.label(), at, false,
                    null), read.lines(), new ServedPack.Tail(tasks.units(), tasks.totals(), read.carryOver(), scope));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private BriefingPack live(UUID meetingId, Period period, OffsetDateTime at, PackRepository.PackRead read,
                              String scope) {
        return BriefingPackBuilder.build(meetingId, period, at, repository.lines(read), read.tasks(),
                read.carryOver(), scope);
    }

    /** "Revised since": each difference between the frozen pack and the same pack as today. */
    public Uni<Revisions> revisions(CurrentUser user, UUID meetingId) {
        return periodOfMeeting(meetingId).chain(period -> repository.read(meetingId, period, null)).map(read -> {
            MeetingAccess.requireSee(user, read.meeting().attendeeUnits());
            if (read.frozenDocument() == null) {
                throw ProblemException.conflict("not-frozen",
                        "the pack of meeting " + meetingId + " is frozen when the meeting concludes; it is "
                                + read.meeting().status());
            }
            BriefingPack before = readFrozen(read.frozenDocument(), meetingId);
            OffsetDateTime at = now();
            BriefingPack today = live(meetingId, Period.tryParse(read.meeting().period()).orElseThrow(), at, read,
                    null);
            return PackRevisions.between(before, today, at);
        });
    }

    /** Freezes the pack as known now, inside the caller's transaction (the conclusion's). */
    public Uni<BriefingPack> freeze(Meeting m, OffsetDateTime at) {
        Period period = Period.tryParse(m.period).orElseThrow();
        return repository.read(m.id, period, null).chain(read -> {
            BriefingPack live = live(m.id, period, at, read, null);
            BriefingPack frozen = new BriefingPack(live.meetingId(), live.period(), live.periodLabel(), at, true, at,
                    live.indicators(), live.units(), live.totals(), live.carryOver(), null);
            FrozenPack row = new FrozenPack();
            row.meetingId = m.id;
            row.period = m.period;
            row.frozenAt = at;
            row.document = write(frozen);
            return row.persist().replaceWith(frozen);
        });
    }

    /** The pack the narrative of a meeting is written from: frozen if concluded, else live (every task). */
    public Uni<BriefingPack> packOf(Meeting m) {
        Period period = Period.tryParse(m.period).orElseThrow();
        return repository.read(m.id, period, null).map(read -> read.frozenDocument() != null
                ? readFrozen(read.frozenDocument(), m.id)
                : live(m.id, period, now(), read, null));
    }

    /** The period of a meeting (it never changes once scheduled, so the repository remembers it). */
    private Uni<Period> periodOfMeeting(UUID meetingId) {
        return repository.periodOf(meetingId).map(code -> Period.tryParse(code == null ? "" : code)
                .orElseThrow(() -> ProblemException.notFound("meeting", String.valueOf(meetingId))));
    }

    private String write(Object pack) {
        try {
            return mapper.writeValueAsString(pack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BriefingPack readFrozen(String document, UUID meetingId) {
        try {
            return mapper.readValue(document, BriefingPack.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen pack of " + meetingId + " cannot be read", e);
        }
    }
}
