package vn.city.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.city.common.testing.ContainerStack;
import vn.city.common.testing.SecurityChainContract;

@QuarkusTest
// Applies to every test of the module: a no-op unless CITY_STACK=containers (then Testcontainers, needs Docker).
@QuarkusTestResource(value = ContainerStack.class, initArgs = @ResourceArg(name = "database", value = "indicator_test"))
class SecurityChainTest extends SecurityChainContract {

    @Override
    protected String client() {
        return "indicator-service";
    }

    @Override
    protected String writePath() {
        return "/api/units";
    }
}
