package vn.city.bench;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time of commit → briefing went, for every figure of a window (not only the followed ones), from the
 * timestamps the services write anyway, all on the one PostgreSQL server's clock:
 * {@code figure_submission.submitted_at} is set when the request is handled, the outbox row's {@code created_at} is
 * the submission's transaction start, its {@code sent_at} the start of the relay pass that published it, and
 * meeting-service's {@code figure_submission_view.received_at} the start of the consumer's transaction that stored it.
 */
final class FigureStages {

    private FigureStages() {
    }

    static Map<String, Object> between(Connection ind, Connection meet, Instant from, Instant to) throws SQLException {
        Map<String, long[]> outbox = new HashMap<>();
        try (PreparedStatement ps = ind.prepareStatement("""
                select envelope::json -> 'data' ->> 'submissionId', created_at, sent_at from outbox_event
                where type like '%.figure-submitted.v1' and created_at between ? and ? and sent_at is not null""")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outbox.put(rs.getString(1), new long[]{micros(rs.getTimestamp(2)), micros(rs.getTimestamp(3))});
                }
            }
        }
        Histogram request = histogram();
        Histogram relay = histogram();
        Histogram consumer = histogram();
        Histogram total = histogram();
        try (PreparedStatement ps = meet.prepareStatement(
                "select submission_id, submitted_at, received_at from figure_submission_view where submission_id = any(?)")) {
            ps.setArray(1, meet.createArrayOf("text", outbox.keySet().toArray(new String[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] o = outbox.get(rs.getString(1));
                    long submitted = micros(rs.getTimestamp(2));
                    long received = micros(rs.getTimestamp(3));
                    record(request, o[0] - submitted);
                    record(relay, o[1] - o[0]);
                    record(consumer, received - o[1]);
                    record(total, received - submitted);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figures", total.getTotalCount());
        m.put("requestToItsTransaction", summary(request));
        m.put("transactionToRelayPass", summary(relay));
        m.put("relayPassToConsumerTransaction", summary(consumer));
        m.put("requestToConsumerTransaction", summary(total));
        return m;
    }

    private static Histogram histogram() {
        return new Histogram(600_000_000L, 3);
    }

    private static void record(Histogram h, long micros) {
        h.recordValue(Math.max(0, Math.min(micros, h.getHighestTrackableValue())));
    }

    private static long micros(Timestamp t) {
        return t.getTime() / 1000 * 1_000_000L + t.getNanos() / 1000;
    }

    private static Map<String, Object> summary(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50Ms", LoadGen.ms(h, 50));
        m.put("p99Ms", LoadGen.ms(h, 99));
        m.put("maxMs", LoadGen.ms(h, 100));
        return m;
    }
}
