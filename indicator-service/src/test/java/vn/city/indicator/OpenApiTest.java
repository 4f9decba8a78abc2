package vn.city.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the service is described, and every body it takes comes with an example. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointHasASummaryAndEveryRequestBodyAnExample() throws Exception {
        String json = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        List<String> undocumented = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        int operations = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var p = path.next();
            if (!p.getKey().startsWith("/api/") || p.getKey().equals("/api/me")) {
                continue;
            }
            for (var op = p.getValue().fields(); op.hasNext(); ) {
                var o = op.next();
                operations++;
                String name = o.getKey().toUpperCase() + " " + p.getKey();
                if (o.getValue().path("summary").asText().isBlank()) {
                    undocumented.add(name);
                }
                JsonNode body = o.getValue().path("requestBody").path("content");
                if (!body.isMissingNode() && !body.toString().contains("example")) {
                    withoutExample.add(name);
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(20);
        assertThat(undocumented).isEmpty();
        assertThat(withoutExample).isEmpty();
    }
}
