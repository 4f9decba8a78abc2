package vn.city.meeting.narrative;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.city.meeting.support.Api;
import vn.city.meeting.support.Events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static vn.city.meeting.support.Api.as;

/** Seed 000: the October 2017 figures, published as the indicator-service would, read as that text does. */
@QuarkusTest
class NarrativeTest {

    /** Said first after "Trong tháng 10/2017, ", so its first letter is lower case there. */
    static final String BUDGET_SENTENCE = "hu ngân sách tháng 10 ước đạt 4,15 tỷ đồng, lũy kế 10 tháng đầu năm ước đạt "
            + "84,258 tỷ đồng, đạt 75,23% nghị quyết";

    @Test
    void october2017ReadsAsTheSeedTextInJsonAndHtml() {
        String budget = Events.random("BUDGET");
        String industry = Events.random("INDUSTRY");
        String odd = Events.random("ODD");
        try (Events events = new Events()) {
            Events.Indicator b = new Events.Indicator(budget, "Thu ngân sách", "tỷ đồng", "FLOW", "HIGHER_IS_BETTER",
                    "Tài chính", "FIN", "OWNER_REPORTED", "PERCENT", 3);
            events.target(budget, 2017, new BigDecimal("112"), "RESOLUTION");
            events.submitted(b, "FIN", "2017-10", "ESTIMATE", new BigDecimal("4.15"), Map.of("status", "ON_TRACK"),
                    Map.of("value", 4.15, "yearToDate", 84.258, "target", 112, "attainmentPercent", 75.23,
                            "expectedPercent", 83.33, "status", "ON_TRACK"));
            events.cityResult(b, "2017-10", 1, "FIGURE", Map.of("value", 4.15, "yearToDate", 84.258, "target", 112,
                    "attainmentPercent", 75.23, "expectedPercent", 83.33, "status", "ON_TRACK"));
            Events.Indicator i = new Events.Indicator(industry, "Giá trị sản xuất công nghiệp (" + industry + ")", "tỷ đồng",
                    "FLOW", "HIGHER_IS_BETTER", "Công nghiệp", "ECO", "OWNER_REPORTED", "PERCENT", 1);
            events.target(industry, 2017, new BigDecimal("300"), "PLAN");
            events.cityResult(i, "2017-10", 1, "FIGURE", Map.of("value", 24.4, "yearToDate", 241.2, "target", 300,
                    "attainmentPercent", 80.4, "expectedPercent", 83.33, "samePeriodLastYear", 230, "change", 4.87,
                    "status", "ON_TRACK"));
            Events.Indicator o = new Events.Indicator(odd, "Chỉ tiêu <b>thử</b> & \"kiểm tra\" " + odd, "tấn", "FLOW",
                    "HIGHER_IS_BETTER", "Nông nghiệp", "ECO", "SUM_OF_UNITS", "PERCENT", 0);
            events.cityResult(o, "2017-10", 1, "FIGURE", Map.of("value", 2123, "status", "NO_TARGET"));
        }
        String id = Api.schedule(Api.meeting("MONTHLY_BRIEFING", "Đánh giá công tác tháng 10 và triển khai nhiệm vụ tháng 11",
                "2017-10", OffsetDateTime.parse("2017-10-31T08:00:00Z"), List.of("FIN")));

        String text = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> as("viewer").accept("application/json").get("/api/narratives/" + id).then().statusCode(200).extract().<String>path("text"),
                        t -> t.contains(odd) && t.contains(industry) && t.contains(BUDGET_SENTENCE));
        assertThat(text).contains("tháng 10/2017")
                .contains("Giá trị sản xuất công nghiệp (" + industry + ") tháng 10 đạt 24,4 tỷ đồng, lũy kế 10 tháng "
                        + "đầu năm đạt 241,2 tỷ đồng, đạt 80,4% KH và tăng 4,87% so cùng kỳ")
                .contains("tháng 10 đạt 2.123 tấn");

        as("viewer").accept("text/html").get("/api/narratives/" + id).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("<meta charset=\"UTF-8\">"))
                .body(containsString(BUDGET_SENTENCE))
                .body(containsString("Chỉ tiêu &lt;b&gt;thử&lt;/b&gt; &amp; &quot;kiểm tra&quot;"))
                .body(not(containsString("<b>thử</b>")));
        as("viewer").get("/api/narratives/" + id).then().statusCode(200)
                .contentType(containsString("application/json")).body("period", org.hamcrest.Matchers.equalTo("2017-10"));
        as("viewer").accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get("/api/narratives/" + id).then().statusCode(200).contentType(containsString("text/html"))
                .contentType(containsString("UTF-8")).contentType(not(containsString("qs")));
        as("leader").get("/api/narratives/" + id + ".html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .contentType(containsString("UTF-8"))
                .body(containsString(BUDGET_SENTENCE));
    }
}
