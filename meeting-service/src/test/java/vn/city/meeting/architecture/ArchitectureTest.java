package vn.city.meeting.architecture;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.ArchitectureRules;

/**
 * common's rule set: REST types only in rest (services take commands and domain types), repositories at the bottom,
 * no queries in resources, DTOs without entities, no feature cycles.
 */
class ArchitectureTest {

    @Test
    void meetingServiceFollowsTheArchitectureRules() {
        ArchitectureRules.check("vn.city.meeting");
    }
}
