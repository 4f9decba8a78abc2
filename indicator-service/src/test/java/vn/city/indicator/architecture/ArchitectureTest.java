package vn.city.indicator.architecture;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.ArchitectureRules;

/** common's rule set: REST types only in rest, repositories at the bottom, no queries in resources, no feature cycles. */
class ArchitectureTest {

    @Test
    void indicatorServiceFollowsTheArchitectureRules() {
        ArchitectureRules.check("vn.city.indicator");
    }
}
