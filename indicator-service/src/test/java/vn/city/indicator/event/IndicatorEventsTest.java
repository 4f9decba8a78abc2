package vn.city.indicator.event;

import vn.city.common.testing.AsyncApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.common.testing.TopicReader;
import vn.city.indicator.support.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.city.indicator.support.Api.as;
import static vn.city.indicator.support.Api.submit;

/** The events on the real broker, checked against the AsyncAPI document. */
@QuarkusTest
class IndicatorEventsTest {

    private static final String TOPIC = "test.indicator-events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventCodec codec;

    private final AsyncApiContract contract = AsyncApiContract.of("indicator-service");

    @Test
    void everyChangeIsAnnouncedAndOffTrackGoesOutExactlyOnce() {
        try (TopicReader reader = new TopicReader(TOPIC)) {
            String unit = Api.code("W-EV");
            as("secretariat").body(Map.of("code", unit, "name", "Phường thử nghiệm", "kind", "WARD",
                    "parentCode", "CITY", "validFrom", "2020-01-01")).post("/api/units").then().statusCode(201);
            String ind = Api.indicator("EV", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "FIN", List.of("FIN"));
            Api.target(ind, 2023, null, 120, "PLAN");
            // June: 30 of 120 is 25 % against an expected 50 %: behind by 25 points, more than the margin of 5
            submit("officer-fin", ind, "FIN", "2023-06", "ESTIMATE", 10, 30).statusCode(201);
            submit("officer-fin", ind, "FIN", "2023-06", "OFFICIAL", 12, 32).statusCode(201);

            JsonNode unitChanged = reader.await(is("unit-changed", unit), WAIT);
            assertThat(unitChanged.path("data").path("name").asText()).isEqualTo("Phường thử nghiệm");
            assertThat(unitChanged.path("data").path("parentCode").asText()).isEqualTo("CITY");
            JsonNode indicatorChanged = reader.await(is("indicator-changed", ind), WAIT);
            assertThat(indicatorChanged.path("data").path("nature").asText()).isEqualTo("FLOW");
            JsonNode targetSet = reader.await(is("target-set", ind), WAIT);
            assertThat(targetSet.path("data").path("value").decimalValue()).isEqualByComparingTo("120");
            assertThat(targetSet.path("data").path("documentNumber").asText()).isEqualTo("2888/QĐ-UBND");

            String subject = ind + "/FIN/2023-06";
            List<JsonNode> figures = reader.awaitCount(is("figure-submitted", subject), 2, WAIT);
            JsonNode first = figures.get(0).path("data");
            assertThat(first.path("version").asText()).isEqualTo("ESTIMATE");
            assertThat(first.path("result").path("attainmentPercent").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(first.path("result").path("status").asText()).isEqualTo("BEHIND");
            assertThat(first.path("cityResult").path("unitCode").asText()).isEqualTo("CITY");
            assertThat(figures.get(1).path("data").path("result").path("currentVersion").asText()).isEqualTo("OFFICIAL");

            JsonNode offTrack = reader.await(is("indicator-off-track", subject), WAIT);
            assertThat(offTrack.path("data").path("gapPoints").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(offTrack.path("data").path("ownerUnit").asText()).isEqualTo("FIN");
            assertThat(reader.drain(is("indicator-off-track", subject), Duration.ofSeconds(3)))
                    .as("off track once per indicator, unit and period, not on every submission").hasSize(1);

            for (JsonNode event : List.of(unitChanged, indicatorChanged, targetSet, figures.get(0), offTrack)) {
                assertThat(contract.violations(event)).as(event.path("type").asText()).isEmpty();
                assertThat(event.path("source").asText()).isEqualTo("/city/indicator-service");
            }
        }
    }

    @Test
    void concurrentSubmissionsStillAnnounceOffTrackOnce() {
        try (TopicReader reader = new TopicReader(TOPIC)) {
            String ind = Api.indicator("CONC", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER", "ECO", List.of("ECO"));
            Api.target(ind, 2023, null, 1000, "PLAN");
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                int value = 10 + n;
                calls.add(CompletableFuture.supplyAsync(() -> submit("officer-eco", ind, "ECO", "2023-09", "ESTIMATE",
                        value, null).extract().statusCode()));
            }
            calls.forEach(c -> assertThat(c.join()).isEqualTo(201));
            String subject = ind + "/ECO/2023-09";
            reader.awaitCount(is("figure-submitted", subject), 6, WAIT);
            reader.await(is("indicator-off-track", subject), WAIT);
            assertThat(reader.drain(is("indicator-off-track", subject), Duration.ofSeconds(3))).hasSize(1);
        }
    }

    @Test
    void theSeedMigrationAnnouncedEveryUnitAndIndicator() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     select topic, envelope, sent_at from outbox_event where type = ? and event_key = ? order by seq limit 1""")) {
            st.setString(1, "city.indicator.unit-changed.v1");
            st.setString(2, "W-NGUYENTHIMINHKHAI");
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(TOPIC);
                CloudEvent event = codec.read(rs.getString(2));
                assertThat(event.data().path("name").asText()).isEqualTo("Phường Nguyễn Thị Minh Khai");
                assertThat(event.data().path("kind").asText()).isEqualTo("WARD");
                assertThat(event.source()).isEqualTo("/city/indicator-service");
                assertThat(contract.violations(codec.tree(event))).isEmpty();
            }
            st.setString(1, "city.indicator.indicator-changed.v1");
            st.setString(2, "POVERTY_RATE");
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                CloudEvent event = codec.read(rs.getString(2));
                assertThat(event.data().path("direction").asText()).isEqualTo("LOWER_IS_BETTER");
                assertThat(event.data().path("reportingUnits").size()).isGreaterThan(1);
            }
        }
    }

    private static Predicate<JsonNode> is(String name, String subject) {
        return n -> ("city.indicator." + name + ".v1").equals(n.path("type").asText())
                && subject.equals(n.path("subject").asText());
    }
}
