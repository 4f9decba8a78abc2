package vn.city.meeting.narrative.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.security.CurrentUser;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.conclusion.service.ConclusionPublisher;
import vn.city.meeting.meeting.AgendaItem;
import vn.city.meeting.meeting.ItemKind;
import vn.city.meeting.meeting.Meeting;
import vn.city.common.period.Period;
import vn.city.meeting.meeting.service.MeetingService;
import vn.city.meeting.narrative.Narrative;
import vn.city.meeting.narrative.NarrativeWriter;
import vn.city.meeting.narrative.NarrativeWriter.ItemForOpinion;
import vn.city.meeting.narrative.NarrativeWriter.MeetingFacts;
import vn.city.meeting.narrative.NarrativeWriter.UnitWords;
import vn.city.meeting.pack.service.PackService;
import vn.city.meeting.readmodel.UnitView;
import vn.city.meeting.report.service.UnitReports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Gathers a meeting's facts (its pack, items for opinion, conclusion, units' reports and names) for the writer. */
@ApplicationScoped
public class NarrativeService {

    private final PackService packs;
    private final ConclusionPublisher conclusions;

    public NarrativeService(PackService packs, ConclusionPublisher conclusions) {
        this.packs = packs;
        this.conclusions = conclusions;
    }

    @WithSession
    public Uni<Narrative> of(CurrentUser user, UUID meetingId) {
        return MeetingService.find(meetingId).chain(m -> {
            MeetingAccess.requireSee(user, m.attendeeUnits);
            return packs.packOf(m).chain(pack -> facts(m).map(facts -> NarrativeWriter.write(facts, pack)));
        });
    }

    /** The facts of a meeting the write-up tells, inside the caller's session (also for other renderings). */
    public Uni<MeetingFacts> facts(Meeting m) {
        Period period = Period.tryParse(m.period).orElseThrow();
        return AgendaItem.<AgendaItem>find("meetingId = ?1 and kind = ?2 order by position", m.id, ItemKind.FOR_OPINION)
                .list()
                .chain(items -> conclusions.latest(m)
                        .chain(conclusion -> UnitReports.reportsOf(period.toString())
                                .chain(reports -> UnitView.<UnitView>listAll().map(units -> {
                                    Map<String, String> names = new HashMap<>();
                                    String city = null;
                                    for (UnitView u : units) {
                                        if (u.name != null) {
                                            names.put(u.code, u.name);
                                        }
                                        if ("CITY".equals(u.kind) && u.active && u.name != null) {
                                            city = u.name;
                                        }
                                    }
                                    List<ItemForOpinion> forOpinion = items.stream().map(i -> new ItemForOpinion(
                                            i.presentingUnit, i.title, i.outcome == null ? null : i.outcome.name())).toList();
                                    List<UnitWords> words = reports.stream()
                                            .map(r -> new UnitWords(r.unitCode(), r.section(), r.text())).toList();
                                    return new MeetingFacts(m.id, m.title, period, m.startsAt, m.chair, city,
                                            forOpinion, conclusion.text(), conclusion.directives(), words, names);
                                }))));
    }
}
