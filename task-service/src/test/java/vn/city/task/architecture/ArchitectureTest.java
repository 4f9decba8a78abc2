package vn.city.task.architecture;

import org.junit.jupiter.api.Test;
import vn.city.common.testing.ArchitectureRules;

/** Layers rest → service → repository, no REST types below rest, every query in a repository, no feature cycles. */
class ArchitectureTest {

    @Test
    void taskServiceFollowsTheArchitectureRules() {
        ArchitectureRules.checkWithRepositories("vn.city.task");
    }
}
