package vn.city.meeting.architecture;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.ArchitectureRules;

import java.util.Set;

/**
 * common's rule set: REST types only in rest, repositories at the bottom, no queries in resources, DTOs without
 * entities, no feature cycles.
 */
class ArchitectureTest {

    /**
     * Known debt (issue 13 owns meeting-service's service layer): these services still take the REST request records
     * as their commands and return the REST views. Every other rule holds for them; the check fails once one of them
     * no longer needs its exemption, so the list only shrinks.
     */
    static final Set<String> SERVICES_STILL_TAKING_REST_RECORDS = Set.of(
            "vn.city.meeting.meeting.service.MeetingService",
            "vn.city.meeting.conclusion.service.ConclusionPublisher",
            "vn.city.meeting.document.service.NoticeService");

    @Test
    void meetingServiceFollowsTheArchitectureRules() {
        ArchitectureRules.checkExempting("vn.city.meeting", SERVICES_STILL_TAKING_REST_RECORDS);
    }
}
