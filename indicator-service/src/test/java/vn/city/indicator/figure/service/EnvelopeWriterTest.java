package vn.city.indicator.figure.service;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.event.CloudEvent;
import vn.city.common.event.EventCodec;
import vn.city.indicator.figure.event.FigureSubmitted;
import vn.city.indicator.result.event.CityResultChanged;
import vn.city.indicator.result.event.CityResultPayload;
import vn.city.indicator.result.event.IndicatorOffTrack;
import vn.city.indicator.result.event.ResultPayload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submission's envelopes are written in one pass ({@link EnvelopeWriter}); they must be byte for byte what the
 * service's other events get from {@code EventCodec.write(new CloudEvent(..., EventCodec.tree(payload)))}, with the
 * application's own ObjectMapper, for every shape of decimal the results produce.
 */
@QuarkusTest
class EnvelopeWriterTest {

    private static final List<String> DECIMALS = List.of("0", "0.00", "-0.000", "1", "10", "100", "1200", "18000",
            "50.00", "4.15", "4.150000", "12.5", "0.000001", "99999999999999.999999", "-3.20", "1E+3", "1.2E+5",
            "123456789012345678901234567890", "0.1000", "33.33", "-250");

    @Inject
    EventCodec codec;

    @Inject
    EnvelopeWriter envelopes;

    @Test
    void everyPayloadOfASubmissionIsWrittenAsTheTreeWritesIt() {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 30, 23, 8, 32, 715_115_196, ZoneOffset.UTC);
        List<Object> payloads = new ArrayList<>();
        for (String text : DECIMALS) {
            BigDecimal d = new BigDecimal(text);
            payloads.add(new CityResultChanged("GRAIN", "Sản lượng lương thực", "tấn", "FLOW", "HIGHER_IS_BETTER",
                    "Kinh tế", "ECO", "SUM_OF_UNITS", "PERCENT", 2, "2023-Q2", true, d, d, d, d, d, d, d,
                    "ON_TRACK", true, List.of("W1", "W2"), List.of("C1"), 0, at, "FIGURE"));
            ResultPayload unit = new ResultPayload("W1", "2023-06", d, d, null, d, d, null, d, "PERCENT",
                    "NO_TARGET", "ESTIMATE");
            CityResultPayload city = new CityResultPayload("CITY", "2023-06", d, d, d, null, d, d, null, "POINTS",
                    "BEHIND", null, "WEIGHTED", false, List.of(), List.of("W9"));
            payloads.add(new FigureSubmitted(UUID.randomUUID(), "GRAIN", "Sản lượng \"lương\" thực", "tấn", "FLOW",
                    "HIGHER_IS_BETTER", "W1", "2023-06", "ESTIMATE", d, "officer-eco", at, true, false, unit, city));
            payloads.add(new FigureSubmitted(UUID.randomUUID(), "GRAIN", "x", null, "LEVEL", "LOWER_IS_BETTER",
                    "W1", "2023", "OFFICIAL", d, "secretariat", at, false, true, unit, null));
            payloads.add(new IndicatorOffTrack("GRAIN", "Tỷ lệ hộ nghèo", "W1", "LAB", "2023-06", d, d, d));
        }
        for (Object payload : payloads) {
            String id = UUID.randomUUID().toString();
            String viaTree = codec.write(new CloudEvent(CloudEvent.SPEC_VERSION, id, "/city/indicator-service",
                    "city.indicator.x.v1", at, "GRAIN/2023-06", CloudEvent.JSON, codec.tree(payload)));
            String direct = envelopes.write(id, "/city/indicator-service", "city.indicator.x.v1", at,
                    "GRAIN/2023-06", payload);
            assertThat(direct).isEqualTo(viaTree);
        }
        // the revision placeholder FigureWriter's statement replaces is written as it expects
        assertThat(envelopes.write("i", "s", "t", at, "x", payloads.get(0))).contains("\"revision\":0,\"computedAt\"");
    }
}
