package vn.city.task.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.city.common.testing.TopicWriter;
import vn.city.task.support.Fixtures;

import java.util.UUID;

/** Publishes indicator-off-track as indicator-service would. */
final class OffTrack {

    private OffTrack() {
    }

    static String publish(String indicator, String unit, String owner, String period) {
        ObjectNode data = Fixtures.JSON.createObjectNode();
        data.put("indicatorCode", indicator);
        data.put("indicatorName", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng");
        data.put("unitCode", unit);
        data.put("ownerUnit", owner);
        data.put("period", period);
        data.put("attainmentPercent", 41.2);
        data.put("expectedPercent", 50);
        data.put("gapPoints", 8.8);
        String id = UUID.randomUUID().toString();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(Fixtures.INDICATOR_TOPIC, indicator + "/" + unit + "/" + period, Fixtures.envelope(id,
                    "/city/indicator-service", "city.indicator.indicator-off-track.v1",
                    indicator + "/" + unit + "/" + period, data));
        }
        return id;
    }
}
