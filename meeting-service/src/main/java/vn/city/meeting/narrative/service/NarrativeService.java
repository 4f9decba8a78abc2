package vn.city.meeting.narrative.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.security.CurrentUser;
import vn.city.meeting.access.MeetingAccess;
import vn.city.meeting.conclusion.service.ConclusionPublisher;
import vn.city.common.period.Period;
import vn.city.meeting.meeting.service.MeetingService;
import vn.city.meeting.narrative.Narrative;
import vn.city.meeting.narrative.NarrativeWriter;
import vn.city.meeting.pack.service.PackService;

import java.util.UUID;

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
            return packs.packOf(m).chain(pack -> conclusions.latestDirectives(m)
                    .map(directives -> NarrativeWriter.write(m.id, Period.tryParse(m.period).orElseThrow(), pack, directives)));
        });
    }
}
