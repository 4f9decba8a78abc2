package vn.city.meeting;

import io.quarkus.test.junit.QuarkusTest;
import vn.city.common.testing.SecurityChainContract;

@QuarkusTest
class SecurityChainTest extends SecurityChainContract {

    @Override
    protected String client() {
        return "meeting-service";
    }

    @Override
    protected String writePath() {
        return "/api/meetings";
    }
}
