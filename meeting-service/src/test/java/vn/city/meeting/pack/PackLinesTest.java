package vn.city.meeting.pack;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;
import vn.city.meeting.support.Events.Indicator;
import vn.city.meeting.support.ReadModel;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.city.meeting.support.Api.as;
import static vn.city.meeting.support.Api.directive;

/**
 * Pack lines are what indicator-service formed, fed through the real broker: the city's value from
 * city-result-changed with each unit's own result beneath, quarterly packs from monthly figures, a ward's level never
 * shown as the city's, a revised target reaching the live pack, off-track following the current data, the frozen
 * pack kept as known and "revised since" listing the differences.
 */
@QuarkusTest
class PackLinesTest {

    @Inject
    AgroalDataSource dataSource;

    static int year() {
        return ThreadLocalRandom.current().nextInt(2100, 2999);
    }

    static JsonPath awaitPack(String path, String user, Predicate<JsonPath> until) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> as(user).get(path).then().statusCode(200).extract().jsonPath(), until);
    }

    static Map<String, Object> line(JsonPath pack, String code) {
        return pack.getMap("indicators.find { it.indicatorCode == '" + code + "' }");
    }

    static BigDecimal num(Object v) {
        return v == null ? null : new BigDecimal(v.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQuarterlyPackShowsTheQuarterFormedFromMonthlyFiguresWithEachWardBeneathAndThePartialMark() {
        int y = year();
        String wardA = Events.random("W-A");
        String wardB = Events.random("W-B");
        String commune = Events.random("C-C");
        Indicator jobs = new Indicator(Events.random("JOBS"), "Số lao động được tạo việc làm", "người", "FLOW",
                "HIGHER_IS_BETTER", "Lao động – việc làm", "LAB", "SUM_OF_UNITS", "PERCENT", 0);
        try (Events events = new Events()) {
            events.unit(wardA, "Phường Sông Cầu thử", "WARD");
            events.unit(wardB, "Phường Đức Xuân thử", "WARD");
            events.unit(commune, "Xã Dương Quang thử", "COMMUNE");
            events.indicator(jobs, List.of(wardA, wardB, commune));
            ReadModel.awaitUnits(dataSource, List.of(wardA, wardB, commune));
            // Units report monthly; indicator-service sums the wards into the city's months and the quarter.
            long revision = 0;
            for (String[] m : new String[][]{{"04", "30", "20"}, {"05", "35", "25"}, {"06", "40", "30"}}) {
                String month = y + "-" + m[0];
                events.submitted(jobs, wardA, month, "OFFICIAL", new BigDecimal(m[1]), Map.of("status", "ON_TRACK"), null);
                events.submitted(jobs, wardB, month, "OFFICIAL", new BigDecimal(m[2]), Map.of("status", "ON_TRACK"), null);
                events.cityResult(jobs, month, ++revision, "FIGURE", Map.of("value", Integer.parseInt(m[1]) + Integer.parseInt(m[2]),
                        "status", "ON_TRACK", "partial", true, "contributingUnits", List.of(wardA, wardB),
                        "missingUnits", List.of(commune)));
            }
            events.cityResult(jobs, y + "-Q2", 1, "FIGURE", Events.fields("value", 180, "yearToDate", 300, "target", 600,
                    "attainmentPercent", 50, "expectedPercent", 50, "samePeriodLastYear", 160, "change", 12.5,
                    "status", "ON_TRACK", "formedFromMonths", true, "partial", true,
                    "contributingUnits", List.of(wardA, wardB), "missingUnits", List.of(commune)));
        }
        JsonPath q2 = awaitPack("/api/packs/period/" + y + "-Q2", "viewer", p -> line(p, jobs.code()) != null
                && ((List<?>) line(p, jobs.code()).get("units")).size() == 2);
        Map<String, Object> l = line(q2, jobs.code());
        assertThat(num(l.get("value"))).as("the quarter as indicator-service formed it").isEqualByComparingTo("180");
        assertThat(l.get("cityFigure")).isEqualTo(true);
        assertThat(l.get("formedFromMonths")).isEqualTo(true);
        assertThat(l.get("partial")).isEqualTo(true);
        assertThat((List<Map<String, Object>>) l.get("missingUnits")).extracting(u -> u.get("name"))
                .containsExactly("Xã Dương Quang thử");
        assertThat(num(l.get("target"))).isEqualByComparingTo("600");
        assertThat(num(l.get("samePeriodLastYear"))).isEqualByComparingTo("160");
        List<Map<String, Object>> units = (List<Map<String, Object>>) l.get("units");
        assertThat(units).extracting(u -> u.get("unitCode")).containsExactlyInAnyOrder(wardA, wardB);
        assertThat(units).allSatisfy(u -> assertThat(u.get("period")).as("newest month inside the quarter").isEqualTo(y + "-06"));
        assertThat(units).extracting(u -> num(u.get("value")).intValue()).containsExactlyInAnyOrder(40, 30);
        assertThat(units).extracting(u -> u.get("unitName")).contains("Phường Sông Cầu thử");

        JsonPath june = as("viewer").get("/api/packs/period/" + y + "-06").then().statusCode(200).extract().jsonPath();
        assertThat(num(line(june, jobs.code()).get("value"))).isEqualByComparingTo("70");
        // Empty before: a half-year pack without a half-year result shows the wards' figures, no city value made up.
        JsonPath h1 = as("viewer").get("/api/packs/period/" + y + "-H1").then().statusCode(200).extract().jsonPath();
        assertThat(line(h1, jobs.code()).get("cityFigure")).isEqualTo(false);
        assertThat(line(h1, jobs.code()).get("value")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWardsLevelIsNeverShownAsTheCitys() {
        int y = year();
        String ward = Events.random("W-L");
        Indicator yield = new Indicator(Events.random("YIELD"), "Năng suất lúa", "tạ/ha", "LEVEL", "HIGHER_IS_BETTER",
                "Nông nghiệp", "ECO", "OWNER_REPORTED", "UNITS", 1);
        String month = y + "-06";
        try (Events events = new Events()) {
            events.unit(ward, "Phường Xuất Hóa thử", "WARD");
            events.indicator(yield, List.of("ECO", ward));
            ReadModel.awaitUnits(dataSource, List.of(ward));
            // The ward reports its own level; indicator-service forms the city's from the owner's figure (none yet).
            events.submitted(yield, ward, month, "OFFICIAL", new BigDecimal("56"), Map.of("status", "NO_TARGET"), null);
        }
        JsonPath before = awaitPack("/api/packs/period/" + month, "viewer", p -> line(p, yield.code()) != null);
        Map<String, Object> l = line(before, yield.code());
        assertThat(l.get("cityFigure")).isEqualTo(false);
        assertThat(l.get("value")).as("the ward's 56 tạ/ha is not the city's").isNull();
        assertThat((List<Map<String, Object>>) l.get("units")).singleElement()
                .satisfies(u -> assertThat(num(u.get("value"))).isEqualByComparingTo("56"));

        try (Events events = new Events()) {
            events.submitted(yield, "ECO", month, "OFFICIAL", new BigDecimal("50"), Map.of("status", "NO_TARGET"),
                    Map.of("value", 50, "samePeriodLastYear", 48, "change", 2, "changeKind", "UNITS"));
            events.cityResult(yield, month, 1, "FIGURE", Map.of("value", 50, "samePeriodLastYear", 48, "change", 2,
                    "contributingUnits", List.of("ECO")));
        }
        JsonPath after = awaitPack("/api/packs/period/" + month, "viewer",
                p -> Boolean.TRUE.equals(line(p, yield.code()).get("cityFigure")));
        l = line(after, yield.code());
        assertThat(num(l.get("value"))).isEqualByComparingTo("50");
        assertThat(l.get("changeKind")).isEqualTo("UNITS");
        assertThat((List<Map<String, Object>>) l.get("units")).extracting(u -> u.get("unitCode"))
                .containsExactlyInAnyOrder("ECO", ward);
    }

    @Test
    void aRevisedTargetReachesTheLivePackOffTrackFollowsTheCurrentDataAndTheFrozenPackKeepsWhatWasKnown() {
        int y = year();
        String month = y + "-06";
        String unit = Events.random("D-R");
        Indicator budget = new Indicator(Events.random("BUDGET"), "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng",
                "FLOW", "HIGHER_IS_BETTER", "Tài chính", unit, "OWNER_REPORTED", "PERCENT", 3);
        try (Events events = new Events()) {
            events.unit(unit, "Phòng Tài chính thử", "DEPARTMENT");
            ReadModel.awaitUnits(dataSource, List.of(unit));
            events.indicator(budget, List.of(unit));
            events.target(budget.code(), y, new BigDecimal("100"), "RESOLUTION");
            events.cityResult(budget, month, 1, "FIGURE", Map.of("value", 10, "yearToDate", 55, "target", 100,
                    "attainmentPercent", 55, "expectedPercent", 50, "status", "ON_TRACK"));
        }
        String meeting = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Giao ban tháng " + month, month,
                OffsetDateTime.parse(month + "-28T08:00:00Z"), List.of(unit)));
        JsonPath live = awaitPack("/api/packs/" + meeting, "viewer", p -> line(p, budget.code()) != null);
        assertThat(num(line(live, budget.code()).get("target"))).isEqualByComparingTo("100");
        assertThat(line(live, budget.code()).get("offTrack")).isEqualTo(false);
        assertThat(line(live, budget.code()).get("targetKind")).isEqualTo("RESOLUTION");

        try (Events events = new Events()) {
            // The council revises the target: indicator-service recomputes the city's result of June.
            events.target(budget.code(), y, new BigDecimal("200"), "RESOLUTION");
            events.cityResult(budget, month, 2, "TARGET", Map.of("value", 10, "yearToDate", 55, "target", 200,
                    "attainmentPercent", 27.5, "expectedPercent", 50, "status", "BEHIND"));
        }
        live = awaitPack("/api/packs/" + meeting, "viewer",
                p -> num(line(p, budget.code()).get("target")).compareTo(new BigDecimal("200")) == 0);
        assertThat(line(live, budget.code()).get("offTrack")).isEqualTo(true);
        assertThat(num(line(live, budget.code()).get("attainmentPercent"))).isEqualByComparingTo("27.5");

        as("leader").body(Map.of("text", "Kết luận", "directives",
                        List.of(directive("Tập trung thu ngân sách", unit, List.of(), null))))
                .put("/api/meetings/" + meeting + "/conclusion").then().statusCode(200);
        as("leader").post("/api/meetings/" + meeting + "/conclusion/publish").then().statusCode(200);

        try (Events events = new Events()) {
            // A revised earlier month raises the year to date (revision 4), then an old revision arrives late.
            events.cityResult(budget, month, 4, "FIGURE", Map.of("value", 10, "yearToDate", 110, "target", 200,
                    "attainmentPercent", 55, "expectedPercent", 50, "status", "ON_TRACK"));
            events.cityResult(budget, month, 3, "FIGURE", Map.of("value", 10, "yearToDate", 60, "target", 200,
                    "attainmentPercent", 30, "expectedPercent", 50, "status", "BEHIND"));
        }
        JsonPath today = awaitPack("/api/packs/period/" + month, "viewer",
                p -> num(line(p, budget.code()).get("yearToDate")).compareTo(new BigDecimal("110")) == 0);
        assertThat(line(today, budget.code()).get("offTrack")).as("off-track follows the current data").isEqualTo(false);
        assertThat(line(today, budget.code()).get("revision")).isEqualTo(4);

        JsonPath frozen = as("viewer").get("/api/packs/" + meeting).then().statusCode(200).extract().jsonPath();
        assertThat(frozen.getBoolean("frozen")).isTrue();
        assertThat(num(line(frozen, budget.code()).get("yearToDate"))).as("as known at the meeting").isEqualByComparingTo("55");
        assertThat(line(frozen, budget.code()).get("offTrack")).isEqualTo(true);

        JsonPath revised = as("viewer").get("/api/packs/" + meeting + "/revisions").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> diffs = revised.getList("indicators.find { it.indicatorCode == '" + budget.code()
                + "' }.differences");
        assertThat(diffs).extracting(d -> d.get("field") + ":" + d.get("then") + "→" + d.get("now"))
                .contains("yearToDate:55→110", "attainmentPercent:27.5→55", "status:BEHIND→ON_TRACK");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsMarkTheirLinesWhichAreBuiltOnceBehindThemAndAReadRightAfterTheEventsShowsThemAll() throws Exception {
        int y = year();
        String month = y + "-03";
        List<String> wards = List.of(Events.random("W-1"), Events.random("W-2"), Events.random("W-3"),
                Events.random("W-4"), Events.random("W-5"));
        Indicator rice = new Indicator(Events.random("RICE"), "Sản lượng lúa", "tấn", "FLOW", "HIGHER_IS_BETTER",
                "Nông nghiệp", "ECO", "SUM_OF_UNITS", "PERCENT", 0);
        List<String> submissions = new java.util.ArrayList<>();
        try (Events events = new Events()) {
            for (int i = 0; i < wards.size(); i++) {
                events.unit(wards.get(i), "Phường thử " + (i + 1), "WARD");
            }
            events.indicator(rice, wards);
            ReadModel.awaitUnits(dataSource, wards);
            for (int i = 0; i < wards.size(); i++) {
                submissions.add(events.submitted(rice, wards.get(i), month, "OFFICIAL", new BigDecimal(1_000 + i),
                        Map.of("status", "NO_TARGET"), null));
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> ReadModel.count(dataSource,
                "select count(*) from figure_submission_view where submission_id = any (?)", submissions) == wards.size());
        // Read at once: the marked lines of the month that the sweep has not built yet are built by the read.
        JsonPath now = as("viewer").get("/api/packs/period/" + month).then().statusCode(200).extract().jsonPath();
        assertThat((List<Map<String, Object>>) line(now, rice.code()).get("units")).extracting(u -> u.get("unitCode"))
                .containsExactlyInAnyOrderElementsOf(wards);

        // Without any read, the sweep builds the quarter's, half year's and year's lines and clears every mark.
        for (String period : List.of(y + "-Q1", y + "-H1", String.valueOf(y))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> ReadModel.count(dataSource,
                    "select count(*) from pack_line where indicator_code = ? and period = '" + period + "'"
                            + " and line like '%" + wards.get(4) + "%'", rice.code()) == 1);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> ReadModel.count(dataSource,
                "select count(*) from pack_line_pending where indicator_code = ?", rice.code()) == 0);
        JsonPath year = as("viewer").get("/api/packs/period/" + y).then().statusCode(200).extract().jsonPath();
        assertThat((List<Map<String, Object>>) line(year, rice.code()).get("units")).hasSize(wards.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFigureDeliveredTwiceOrAnnouncedAgainUnderANewEventIdIsStoredOnce() throws Exception {
        int y = year();
        String month = y + "-08";
        String ward = Events.random("W-T");
        Indicator fish = new Indicator(Events.random("FISH"), "Sản lượng thủy sản", "tấn", "FLOW", "HIGHER_IS_BETTER",
                "Nông nghiệp", "ECO", "SUM_OF_UNITS", "PERCENT", 0);
        String submission = java.util.UUID.randomUUID().toString();
        try (Events events = new Events()) {
            events.unit(ward, "Phường Trần Hưng Đạo thử", "WARD");
            events.indicator(fish, List.of(ward));
            ReadModel.awaitUnits(dataSource, List.of(ward));
            String once = events.submittedEnvelope(submission, fish, ward, month, "OFFICIAL", new BigDecimal("4785"),
                    Map.of("status", "NO_TARGET"), null);
            String again = events.submittedEnvelope(submission, fish, ward, month, "OFFICIAL", new BigDecimal("9999"),
                    Map.of("status", "NO_TARGET"), null);
            String key = fish.code() + "/" + ward + "/" + month;
            events.raw(Events.INDICATOR_TOPIC, key, once);
            events.raw(Events.INDICATOR_TOPIC, key, once);
            events.raw(Events.INDICATOR_TOPIC, key, again);
            // sent under the same key (so on the same partition, after them): seen when the three have been applied
            events.raw(Events.INDICATOR_TOPIC, key, events.submittedEnvelope(java.util.UUID.randomUUID().toString(),
                    fish, ward, y + "-09", "OFFICIAL", BigDecimal.ONE, Map.of("status", "NO_TARGET"), null));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> ReadModel.count(dataSource,
                "select count(*) from figure_submission_view where indicator_code = ?", fish.code()) == 2);
        assertThat(ReadModel.count(dataSource, "select count(*) from figure_submission_view where submission_id = ?",
                submission)).isEqualTo(1);
        assertThat(ReadModel.count(dataSource, "select count(*) from unit_result where indicator_code = ? and value = 4785",
                fish.code())).as("the unit's result of the first delivery, not of the repeated submission").isEqualTo(1);
        JsonPath pack = as("viewer").get("/api/packs/period/" + month).then().statusCode(200).extract().jsonPath();
        assertThat((List<Map<String, Object>>) line(pack, fish.code()).get("units")).singleElement()
                .satisfies(u -> assertThat(num(u.get("value"))).isEqualByComparingTo("4785"));
    }

    @Test
    void resultsLoadedBehindTheConsumersBackGetTheirLinesFromTheSweepAQuartersResultAmongThem() throws Exception {
        int y = year();
        String ward = Events.random("W-S");
        Indicator rice = new Indicator(Events.random("RICE"), "Sản lượng lúa", "tấn", "FLOW", "HIGHER_IS_BETTER",
                "Nông nghiệp", "ECO", "SUM_OF_UNITS", "PERCENT", 0);
        try (Events events = new Events()) {
            events.unit(ward, "Phường thử quét", "WARD");
            events.indicator(rice, List.of(ward));
            ReadModel.awaitUnits(dataSource, List.of(ward));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> ReadModel.count(
                dataSource, "select count(*) from indicator_view where code = ?", rice.code()) == 1);
        // as an upgrade from before pack lines or a direct load leaves them: results, no event, no mark; a quarter's
        // result too ("2999-Q3" has a month's length, and once failed the whole sweep)
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into unit_result (indicator_code, unit_code, period, value, submission_id, received_at)"
                        + " values (?, ?, ?, ?, ?, now())")) {
            for (String period : List.of(y + "-04", y + "-Q3")) {
                insert.setString(1, rice.code());
                insert.setString(2, ward);
                insert.setString(3, period);
                insert.setBigDecimal(4, new BigDecimal(120));
                insert.setString(5, UUID.randomUUID().toString());
                insert.executeUpdate();
            }
        }
        for (String period : List.of(y + "-04", y + "-Q2", y + "-H1", String.valueOf(y), y + "-Q3")) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> ReadModel.count(
                    dataSource, "select count(*) from pack_line where indicator_code = ? and period = '" + period + "'",
                    rice.code()) == 1);
        }
    }
}
