package vn.city.common.architecture;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.ArchitectureRules;

/** common keeps the structure it asks of the services: no cycles between its packages, the layers respected. */
class ArchitectureTest {

    @Test
    void commonFollowsTheArchitectureRules() {
        ArchitectureRules.check("vn.city.common");
    }
}
