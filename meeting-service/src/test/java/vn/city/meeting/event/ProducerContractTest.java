package vn.city.meeting.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.AsyncApiContract;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The envelopes the tests publish as indicator-service are checked against the producer's own AsyncAPI document
 * (common's {@link AsyncApiContract#fromProducer}, reading indicator-service/src/main/resources/asyncapi.yaml).
 */
class ProducerContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode cityResultChanged() {
        ObjectNode d = JSON.createObjectNode();
        d.put("indicatorCode", "RETAIL_SALES").put("indicatorName", "Tổng mức bán lẻ").put("measureUnit", "tỷ đồng")
                .put("nature", "FLOW").put("direction", "HIGHER_IS_BETTER").put("category", "Thương mại – dịch vụ")
                .put("ownerUnit", "ECO").put("aggregation", "OWNER_REPORTED").put("changeKind", "PERCENT")
                .put("decimals", 1).put("period", "2022-06").put("formedFromMonths", false).put("value", 285)
                .put("yearToDate", 1739.5).put("target", 3439).put("attainmentPercent", 50.58).put("expectedPercent", 50)
                .put("samePeriodLastYear", 1659.04).put("change", 4.85).put("status", "ON_TRACK").put("partial", false)
                .put("revision", 1).put("computedAt", "2022-06-30T07:00:00Z").put("cause", "FIGURE");
        d.set("contributingUnits", JSON.valueToTree(List.of("ECO")));
        d.set("missingUnits", JSON.valueToTree(List.of()));
        return d;
    }

    static String envelope(String type, ObjectNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0").put("id", "7d9f4c1e-2b1a-4c51-9a53-0d3c2b9b4f10").put("source", "/city/indicator-service")
                .put("type", type).put("time", "2022-06-30T07:00:00Z").put("subject", "RETAIL_SALES/2022-06")
                .put("datacontenttype", "application/json");
        e.set("data", data);
        return e.toString();
    }

    @Test
    void aCompleteCityResultChangedPassesAndABrokenOneDoesNot() {
        String type = "city.indicator.city-result-changed.v1";
        assertThatCode(() -> AsyncApiContract.fromProducer(envelope(type, cityResultChanged())))
                .doesNotThrowAnyException();
        ObjectNode missing = cityResultChanged();
        missing.remove("revision");
        assertThatThrownBy(() -> AsyncApiContract.fromProducer(envelope(type, missing)))
                .hasMessageContaining("revision");
        ObjectNode wrongEnum = cityResultChanged().put("aggregation", "AVERAGE");
        assertThatThrownBy(() -> AsyncApiContract.fromProducer(envelope(type, wrongEnum)))
                .hasMessageContaining("aggregation");
        assertThatThrownBy(() -> AsyncApiContract.fromProducer(envelope("city.indicator.no-such.v1", cityResultChanged())))
                .hasMessageContaining("not declared");
    }
}
