package vn.city.meeting.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.conclusion.Conclusion;
import vn.city.meeting.conclusion.Directive;
import vn.city.meeting.document.ConclusionNotice;
import vn.city.meeting.document.DocumentNumber;
import vn.city.meeting.document.DocumentSettings;
import vn.city.meeting.document.DocumentType;
import vn.city.meeting.document.NoticeComposer;
import vn.city.meeting.document.OfficialDocument;
import vn.city.meeting.meeting.AgendaItem;
import vn.city.meeting.meeting.Meeting;
import vn.city.common.period.Period;
import vn.city.meeting.meeting.service.MeetingService;
import vn.city.meeting.readmodel.UnitView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conclusion notice of a meeting: issued (numbered in the register) by the secretariat once the conclusion is
 * published, or the draft of the current conclusion until then. One document per published conclusion version; the
 * notice of a corrected conclusion names the one it replaces.
 */
@ApplicationScoped
public class NoticeService {

    public static final String ISSUED = "ISSUED";
    public static final String DRAFT = "DRAFT";

    /** A notice and what the register says of it. */
    public record Notice(NoticeRecord record, ConclusionNotice content) {
    }

    /** The outcome of an issue request: created false when the notice already had its number. */
    public record Issued(NoticeRecord record, boolean created) {
    }

    private final DocumentRegister register;
    private final DocumentSettings settings;
    private final ObjectMapper mapper;

    public NoticeService(DocumentRegister register, DocumentSettings settings, ObjectMapper mapper) {
        this.register = register;
        this.settings = settings;
        this.mapper = mapper;
    }

    @WithTransaction
    public Uni<Issued> issue(CurrentUser user, UUID meetingId, LocalDate requestedDate) {
        if (!user.has(vn.city.common.security.Roles.SECRETARIAT)) {
            throw ProblemException.forbidden("only the secretariat issues and numbers documents");
        }
        // The meeting's row lock serialises issues of the same notice: the second one finds the first one's number.
        return MeetingService.lock(meetingId).chain(m -> latestPublished(m).chain(c -> {
            if (c == null) {
                throw ProblemException.conflict("not-published",
                        "the conclusion of this meeting is not published yet: there is nothing to issue");
            }
            return OfficialDocument.<OfficialDocument>find("conclusionId = ?1", c.id).firstResult().chain(existing -> {
                if (existing != null) {
                    return replaced(existing).map(previous -> new Issued(record(m, existing, previous), false));
                }
                LocalDate signedOn = signedOn(m, requestedDate);
                return previousDocument(m).chain(previous -> register
                        .next(settings.issuerSymbol(), DocumentType.TB, signedOn.getYear())
                        .chain(number -> compose(m, c, number, signedOn, previous).chain(notice -> {
                            OfficialDocument d = new OfficialDocument();
                            d.id = UUID.randomUUID();
                            d.issuer = number.issuer();
                            d.docType = number.type().name();
                            d.year = number.year();
                            d.number = number.number();
                            d.meetingId = m.id;
                            d.conclusionId = c.id;
                            d.conclusionVersion = c.version;
                            d.replacesId = previous == null ? null : previous.id;
                            d.title = notice.documentKind() + " " + notice.subject();
                            d.signedOn = signedOn;
                            d.issuedBy = user.username();
                            d.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            d.content = write(notice);
                            return d.persist().replaceWith(() -> new Issued(record(m, d, previous), true));
                        })));
            });
        }));
    }

    /** The notice of the meeting's current conclusion: as issued, or its draft. */
    @WithSession
    public Uni<Notice> current(CurrentUser user, UUID meetingId) {
        return MeetingService.find(meetingId).chain(m -> {
            MeetingAccess.requireSee(user, m.attendeeUnits);
            return Conclusion.<Conclusion>find("meetingId = ?1 order by version desc", m.id).firstResult().chain(c -> {
                if (c == null) {
                    throw ProblemException.notFound("conclusion of meeting", m.id.toString());
                }
                return OfficialDocument.<OfficialDocument>find("conclusionId = ?1", c.id).firstResult()
                        .chain(issued -> {
                            if (issued != null) {
                                return replaced(issued).map(previous ->
                                        new Notice(record(m, issued, previous), read(issued.content)));
                            }
                            return previousDocument(m).chain(previous -> compose(m, c, null, null, previous)
                                    .map(draft -> new Notice(draftRecord(m, c, draft, previous), draft)));
                        });
            });
        });
    }

    private static Uni<Conclusion> latestPublished(Meeting m) {
        return Conclusion.<Conclusion>find("meetingId = ?1 and status = ?2 order by version desc", m.id,
                Conclusion.PUBLISHED).firstResult();
    }

    private static Uni<OfficialDocument> previousDocument(Meeting m) {
        return OfficialDocument.<OfficialDocument>find("meetingId = ?1 order by conclusionVersion desc", m.id)
                .firstResult();
    }

    private static Uni<OfficialDocument> replaced(OfficialDocument d) {
        return d.replacesId == null ? Uni.createFrom().nullItem() : OfficialDocument.findById(d.replacesId);
    }

    private LocalDate signedOn(Meeting m, LocalDate requested) {
        ZoneId zone = ZoneId.of(settings.zone());
        LocalDate today = LocalDate.now(zone);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw ProblemException.invalid("signedOn", "not-in-future", "a document cannot be signed after today");
        }
        if (requested.isBefore(m.startsAt.atZoneSameInstant(zone).toLocalDate())) {
            throw ProblemException.invalid("signedOn", "not-before-meeting",
                    "the notice of a meeting cannot be signed before the meeting was held");
        }
        return requested;
    }

    private Uni<ConclusionNotice> compose(Meeting m, Conclusion c, DocumentNumber number, LocalDate signedOn,
                                          OfficialDocument previous) {
        List<Directive> directives = directives(c.directives);
        return AgendaItem.<AgendaItem>find("meetingId = ?1 order by position", m.id).list().chain(items -> {
            Set<String> codes = new LinkedHashSet<>(m.attendeeUnits);
            items.forEach(i -> {
                if (i.presentingUnit != null) {
                    codes.add(i.presentingUnit);
                }
            });
            directives.forEach(d -> {
                codes.add(d.leadUnit());
                if (d.coordinatingUnits() != null) {
                    codes.addAll(d.coordinatingUnits());
                }
            });
            return unitNames(codes).map(names -> {
                Function<String, String> name = code -> {
                    String n = names.get(code);
                    return n == null || n.isBlank() ? code : n;
                };
                NoticeComposer.MeetingFacts facts = new NoticeComposer.MeetingFacts(m.type, m.title,
                        Period.tryParse(m.period).orElseThrow(), m.startsAt.atZoneSameInstant(ZoneId.of(settings.zone()))
                        .toLocalDate(), m.place, m.chair, m.attendeeUnits);
                List<NoticeComposer.DecidedItem> decided = items.stream().map(i -> new NoticeComposer.DecidedItem(
                        i.title, i.presentingUnit, i.outcome, i.outcomeNote)).toList();
                NoticeComposer.Replaced replaces = previous == null ? null : new NoticeComposer.Replaced(
                        previous.documentNumber().toString(), previous.signedOn);
                return NoticeComposer.compose(settings.letterhead(), facts, decided, c.text, directives, name, number,
                        signedOn, replaces);
            });
        });
    }

    private static Uni<Map<String, String>> unitNames(Set<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return UnitView.<UnitView>find("code in ?1", codes).list().map(units -> units.stream()
                .filter(u -> u.name != null).collect(Collectors.toMap(u -> u.code, u -> u.name)));
    }

    private NoticeRecord record(Meeting m, OfficialDocument d, OfficialDocument previous) {
        return new NoticeRecord(m.id, ISSUED, d.conclusionVersion, d.id, d.number, d.documentNumber().toString(),
                d.signedOn, d.title, replacedOf(previous), d.issuedBy, d.issuedAt, link(m, "docx"), link(m, "pdf"));
    }

    private NoticeRecord draftRecord(Meeting m, Conclusion c, ConclusionNotice draft, OfficialDocument previous) {
        return new NoticeRecord(m.id, DRAFT, c.version, null, null, null, null,
                draft.documentKind() + " " + draft.subject(), replacedOf(previous), null, null, link(m, "docx"),
                link(m, "pdf"));
    }

    private static NoticeRecord.Replaced replacedOf(OfficialDocument previous) {
        return previous == null ? null
                : new NoticeRecord.Replaced(previous.id, previous.documentNumber().toString(), previous.signedOn);
    }

    private static String link(Meeting m, String format) {
        return "/api/meetings/" + m.id + "/notice." + format;
    }

    private List<Directive> directives(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Directive>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored directives cannot be read", e);
        }
    }

    private String write(ConclusionNotice notice) {
        try {
            return mapper.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConclusionNotice read(String json) {
        try {
            return mapper.readValue(json, ConclusionNotice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notice cannot be read", e);
        }
    }
}
