package vn.city.task;

import io.quarkus.test.junit.QuarkusTest;
import vn.city.common.testing.SecurityChainContract;

@QuarkusTest
class SecurityChainTest extends SecurityChainContract {

    @Override
    protected String client() {
        return "task-service";
    }

    @Override
    protected String writePath() {
        return "/api/tasks";
    }
}
