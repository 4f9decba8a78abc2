package vn.city.meeting.conclusion.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.outbox.Outbox;
import vn.city.common.problem.Problem.FieldViolation;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.conclusion.Conclusion;
import vn.city.meeting.conclusion.Directive;
import vn.city.meeting.conclusion.DirectiveRules;
import vn.city.meeting.meeting.Meeting;
import vn.city.meeting.meeting.MeetingStatus;
import vn.city.meeting.meeting.event.MeetingEvents;
import vn.city.meeting.meeting.service.MeetingService;
import vn.city.meeting.pack.service.PackService;
import vn.city.meeting.readmodel.UnitView;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drafts and publishes a meeting's conclusion. Publishing is final: it concludes the meeting, freezes the pack and
 * announces the directives; a correction is published as the next version carrying the full directive list.
 */
@ApplicationScoped
public class ConclusionPublisher {

    private final Outbox outbox;
    private final PackService packs;
    private final ObjectMapper mapper;

    public ConclusionPublisher(Outbox outbox, PackService packs, ObjectMapper mapper) {
        this.outbox = outbox;
        this.packs = packs;
        this.mapper = mapper;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @WithTransaction
    public Uni<ConclusionView> draft(CurrentUser user, UUID meetingId, ConclusionText written) {
        MeetingAccess.requireDrafter(user);
        return MeetingService.lock(meetingId).chain(m -> {
            m.status.requireOpen();
            return Conclusion.<Conclusion>find("meetingId = ?1 and status = ?2", m.id, Conclusion.DRAFT).firstResult()
                    .chain(existing -> validate(written.directives(), existing == null ? Set.of() : ids(existing))
                            .replaceWith(existing))
                    .chain(existing -> {
                        Conclusion c = existing != null ? existing : new Conclusion();
                        if (existing == null) {
                            c.id = UUID.randomUUID();
                            c.meetingId = m.id;
                            c.version = 1;
                            c.status = Conclusion.DRAFT;
                        }
                        c.text = written.text();
                        c.directives = write(DirectiveRules.accept(written.directives()));
                        c.draftedBy = user.username();
                        c.draftedAt = now();
                        return (existing != null ? Uni.createFrom().item(c) : c.persist()).map(x -> view(c));
                    });
        });
    }

    @WithTransaction
    public Uni<ConclusionView> publish(CurrentUser user, UUID meetingId) {
        MeetingAccess.requireChair(user);
        return MeetingService.lock(meetingId).chain(m -> {
            if (m.status == MeetingStatus.CONCLUDED) {
                throw ProblemException.conflict("already-published",
                        "the conclusion of this meeting is already published; publish a correction instead");
            }
            m.status.requireOpen();
            return Conclusion.<Conclusion>find("meetingId = ?1 and status = ?2", m.id, Conclusion.DRAFT).firstResult()
                    .chain(draft -> {
                        if (draft == null) {
                            throw ProblemException.conflict("no-draft", "there is no draft conclusion to publish");
                        }
                        List<Directive> directives = read(draft.directives);
                        return validate(candidates(directives), ids(draft)).chain(() -> {
                            OffsetDateTime at = now();
                            draft.status = Conclusion.PUBLISHED;
                            draft.publishedBy = user.username();
                            draft.publishedAt = at;
                            m.status = m.status.conclude();
                            m.concludedAt = at;
                            return packs.freeze(m, at)
                                    .chain(pack -> outbox.append(MeetingEvents.CONCLUDED, m.id.toString(),
                                                    concluded(m, draft, directives, at))
                                            .chain(() -> outbox.append(MeetingEvents.PACK_FROZEN, m.id.toString(),
                                                    new MeetingEvents.PackFrozen(m.id, m.period, at,
                                                            pack.indicators().size(),
                                                            pack.units().stream().mapToInt(u -> u.tasks().size()).sum()))))
                                    .map(x -> view(draft));
                        });
                    });
        });
    }

    @WithTransaction
    public Uni<ConclusionView> correct(CurrentUser user, UUID meetingId, ConclusionText written) {
        MeetingAccess.requireChair(user);
        return MeetingService.lock(meetingId).chain(m -> {
            if (m.status != MeetingStatus.CONCLUDED) {
                throw ProblemException.conflict("not-published",
                        "only a published conclusion can be corrected; the meeting is " + m.status);
            }
            return Conclusion.<Conclusion>find("meetingId = ?1 and status = ?2 order by version desc", m.id,
                    Conclusion.PUBLISHED).firstResult().chain(previous -> {
                Set<UUID> allowed = ids(previous);
                return validate(written.directives(), allowed).chain(() -> {
                    OffsetDateTime at = now();
                    Conclusion c = new Conclusion();
                    c.id = UUID.randomUUID();
                    c.meetingId = m.id;
                    c.version = previous.version + 1;
                    c.correctsVersion = previous.version;
                    c.status = Conclusion.PUBLISHED;
                    c.text = written.text();
                    List<Directive> directives = DirectiveRules.accept(written.directives());
                    c.directives = write(directives);
                    c.draftedBy = user.username();
                    c.draftedAt = at;
                    c.publishedBy = user.username();
                    c.publishedAt = at;
                    return c.persist()
                            .chain(() -> outbox.append(MeetingEvents.CONCLUDED, m.id.toString(), concluded(m, c, directives, at)))
                            .map(x -> view(c));
                });
            });
        });
    }

    @WithSession
    public Uni<ConclusionHistory> history(CurrentUser user, UUID meetingId) {
        return MeetingService.find(meetingId).chain(m -> {
            MeetingAccess.requireSee(user, m.attendeeUnits);
            return Conclusion.<Conclusion>find("meetingId = ?1 order by version", m.id).list().map(all -> {
                if (all.isEmpty()) {
                    throw ProblemException.notFound("conclusion of meeting", m.id.toString());
                }
                List<ConclusionView> views = all.stream().map(this::view).toList();
                return new ConclusionHistory(m.id, views.get(views.size() - 1), views);
            });
        });
    }

    /** The chair's text and directives of a conclusion version. */
    public record Content(String text, List<Directive> directives) {
    }

    /** The latest conclusion (published or draft), for the narrative; empty content when there is none. */
    public Uni<Content> latest(Meeting m) {
        return Conclusion.<Conclusion>find("meetingId = ?1 order by version desc", m.id).firstResult()
                .map(c -> c == null ? new Content(null, List.of()) : new Content(c.text, read(c.directives)));
    }

    private Uni<Void> validate(List<DirectiveRules.Candidate> directives, Collection<UUID> allowedIds) {
        Set<String> mentioned = new LinkedHashSet<>();
        if (directives != null) {
            directives.stream().filter(java.util.Objects::nonNull).forEach(d -> {
                if (d.leadUnit() != null) {
                    mentioned.add(d.leadUnit());
                }
                if (d.coordinatingUnits() != null) {
                    d.coordinatingUnits().stream().filter(java.util.Objects::nonNull).forEach(mentioned::add);
                }
            });
        }
        Uni<Set<String>> known = mentioned.isEmpty() ? Uni.createFrom().item(Set.of())
                : UnitView.<UnitView>find("code in ?1 and active = true", mentioned).list()
                .map(us -> us.stream().map(u -> u.code).collect(Collectors.toSet()));
        return known.map(units -> {
            List<FieldViolation> violations = DirectiveRules.check(directives, units::contains, allowedIds);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            return null;
        }).replaceWithVoid();
    }

    private MeetingEvents.MeetingConcluded concluded(Meeting m, Conclusion c, List<Directive> directives,
                                                     OffsetDateTime at) {
        return new MeetingEvents.MeetingConcluded(m.id, c.id, c.version, c.correctsVersion, m.title, m.period, m.chair,
                at, c.text, directives.stream().map(d -> new MeetingEvents.DirectivePayload(d.directiveId(), d.title(),
                        d.content(), d.leadUnit(), d.coordinatingUnits(), d.deadline(), d.ongoing(),
                        d.priority().name(), d.indicatorCodes())).toList());
    }

    private static List<DirectiveRules.Candidate> candidates(List<Directive> directives) {
        return directives.stream().map(d -> new DirectiveRules.Candidate(d.directiveId(), d.title(), d.content(),
                d.leadUnit(), d.coordinatingUnits(), d.deadline(), d.ongoing(), d.priority(), d.indicatorCodes())).toList();
    }

    private Set<UUID> ids(Conclusion c) {
        return read(c.directives).stream().map(Directive::directiveId).collect(Collectors.toSet());
    }

    private ConclusionView view(Conclusion c) {
        return new ConclusionView(c.id, c.meetingId, c.version, c.correctsVersion, c.status, c.text,
                read(c.directives), c.draftedBy, c.draftedAt, c.publishedBy, c.publishedAt);
    }

    private String write(List<Directive> directives) {
        try {
            return mapper.writeValueAsString(directives);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Directive> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Directive>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored directives cannot be read", e);
        }
    }
}
