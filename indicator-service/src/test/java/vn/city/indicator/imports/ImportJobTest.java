package vn.city.indicator.imports;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;
import vn.city.indicator.support.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.city.indicator.support.Api.as;

/** Bulk import as a job on the real stack: 100,000 rows with progress, the same file imported once, DHIS2 round trip. */
@QuarkusTest
@TestProfile(ImportJobTest.OwnTopic.class)
class ImportJobTest {

    /**
     * The 100,000 events of the big file go to a topic of their own: on the shared test.indicator-events topic the
     * other modules' consumers (task-service, meeting-service tests) would have to work through them first.
     */
    public static class OwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("city.outbox.topic", "test.bulk.indicator-events");
        }
    }

    private static final List<String> UNITS = List.of("FIN", "ECO", "ENV", "URB", "CUL", "LAB", "W-SONGCAU",
            "W-DUCXUAN", "W-XUATHOA", "W-PHUNGCHIKIEN", "W-NGUYENTHIMINHKHAI", "C-DUONGQUANG");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aHundredThousandRowFileIsAJobWithProgressAndTheSameFileImportsOnce() throws Exception {
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            indicators.add(Api.indicator("BULK", "tấn", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of()));
        }
        StringBuilder csv = new StringBuilder("indicatorCode,unitCode,period,version,value\n");
        int rows = 0;
        for (String ind : indicators) {
            for (String unit : UNITS) {
                for (int year = 1997; year <= 2024; year++) {
                    for (int m = 1; m <= 12; m++) {
                        csv.append(ind).append(',').append(unit).append(',').append(year).append('-')
                                .append(m < 10 ? "0" : "").append(m).append(",OFFICIAL,\"")
                                .append(1000 + (rows % 997)).append(",5\"\n");
                        rows++;
                    }
                }
            }
        }
        assertThat(rows).isGreaterThanOrEqualTo(100_000);
        long start = System.nanoTime();
        Response accepted = post(csv.toString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).contains("/api/imports/jobs/");

        List<Integer> seen = new ArrayList<>();
        JsonPath done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath s = as("secretariat").get(location).then().statusCode(200).extract().jsonPath();
            seen.add(s.getInt("percent"));
            return s;
        }, s -> !List.of("QUEUED", "RUNNING").contains(s.getString("state")));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("import of %d rows: %.1f s, %.0f figures/s%n", rows, seconds, rows / seconds);
        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("rowsRead")).isEqualTo(rows);
        assertThat(done.getInt("rowsWritten")).isEqualTo(rows);
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(seen).as("progress was visible while it ran").anyMatch(p -> p < 100);
        assertThat(count(indicators)).isEqualTo(rows);
        assertThat(outbox(indicators.get(0))).isEqualTo(rows / indicators.size());
        long relay = System.nanoTime();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> unsent() == 0);
        System.out.printf("the relay published the import's events to Kafka %.1f s after the job ended%n",
                (System.nanoTime() - relay) / 1e9);

        Response again = post(csv.toString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo(location);
        assertThat(count(indicators)).as("the same file imports once").isEqualTo(rows);

        // a file with bad rows: every error reported, nothing stored
        String bad = "indicatorCode,unitCode,period,version,value\n" + indicators.get(0) + ",ECO,2025-13,OFFICIAL,1\n"
                + indicators.get(0) + ",ECO,2025-01,OFFICIAL,1739.5\n".repeat(1) + "x".repeat(70_000) + ",ECO,2025-01,OFFICIAL,1\n";
        Response refused = post(bad);
        assertThat(refused.statusCode()).isEqualTo(202);
        JsonPath failed = await().atMost(Duration.ofSeconds(30)).until(
                () -> as("secretariat").get(refused.header("Location")).then().extract().jsonPath(),
                s -> "FAILED".equals(s.getString("state")));
        assertThat(failed.getInt("rowsRejected")).isEqualTo(3);
        assertThat(failed.getList("errors.rule", String.class)).contains("format", "decimal-point");
    }

    @Test
    void aDhis2ExportImportedAgainGivesTheSameFigures() {
        String ind = Api.indicator("D2", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of());
        String other = Api.indicator("D2", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of());
        Map<String, Object> set = Map.of("period", "202204", "orgUnit", "ECO", "dataValues", List.of(
                Map.of("dataElement", ind, "value", "280.5", "comment", "ước"),
                Map.of("dataElement", other, "value", "12")));
        JsonPath summary = as("officer-eco").queryParam("version", "OFFICIAL").body(set).post("/api/dataValueSets")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getString("responseType")).isEqualTo("ImportSummary");
        assertThat(summary.getString("status")).isEqualTo("SUCCESS");
        assertThat(summary.getInt("importCount.imported")).isEqualTo(2);

        JsonPath export = as("viewer").queryParam("period", "202204").queryParam("orgUnit", "ECO")
                .get("/api/dataValueSets").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> values = new ArrayList<>();
        for (Map<String, Object> v : export.<Map<String, Object>>getList("dataValues")) {
            if (List.of(ind, other).contains(v.get("dataElement"))) {
                values.add(Map.of("dataElement", v.get("dataElement"), "period", v.get("period"),
                        "orgUnit", v.get("orgUnit"), "value", v.get("value")));
            }
        }
        assertThat(values).hasSize(2);
        Map<String, Object> again = new HashMap<>(Map.of("dataValues", values));
        as("officer-eco").queryParam("version", "OFFICIAL").body(again).post("/api/dataValueSets").then().statusCode(200);
        JsonPath second = as("viewer").queryParam("period", "2022-04").queryParam("orgUnit", "ECO")
                .get("/api/dataValueSets").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> after = new ArrayList<>();
        for (Map<String, Object> v : second.<Map<String, Object>>getList("dataValues")) {
            if (List.of(ind, other).contains(v.get("dataElement"))) {
                after.add(Map.of("dataElement", v.get("dataElement"), "period", v.get("period"),
                        "orgUnit", v.get("orgUnit"), "value", v.get("value")));
            }
        }
        assertThat(after).containsExactlyInAnyOrderElementsOf(values);

        JsonPath conflict = as("officer-eco").body(Map.of("period", "202204", "orgUnit", "ECO", "dataValues",
                        List.of(Map.of("dataElement", ind, "value", "abc")))).post("/api/dataValueSets")
                .then().statusCode(409).extract().jsonPath();
        assertThat(conflict.getString("status")).isEqualTo("ERROR");
        assertThat(conflict.getList("conflicts.object", String.class)).containsExactly("dataValues[0].value");
    }

    private static Response post(String csv) {
        return RestAssured.given().filter(vn.city.common.testing.Api.validatingFilter()).auth().oauth2(Tokens.of("secretariat"))
                .contentType("text/csv; charset=UTF-8")
                .accept(ContentType.JSON).body(csv).post("/api/imports/figures");
    }

    private int count(List<String> indicators) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(*) from figure_submission where indicator_code = any(?)")) {
            st.setArray(1, c.createArrayOf("text", indicators.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int unsent() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(*) from outbox_event where sent_at is null")) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int outbox(String indicator) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(*) from outbox_event where type = 'city.indicator.figure-submitted.v1' and event_key like ?")) {
            st.setString(1, indicator + "/%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
