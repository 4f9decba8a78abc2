package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import vn.city.common.testing.Tokens;
import vn.city.common.testing.TopicReader;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;
import vn.city.systemtest.Traffic.Result;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The load a fault test runs under: officers submitting figures of an indicator of its own (each numbered in its
 * note) and the secretariat and the chair taking meetings to a published conclusion, while the test cuts, restarts or
 * takes away something; afterwards {@link #settle} checks through {@link Ledger} that nothing accepted was lost,
 * half-applied or applied twice, and that no good event was dead-lettered.
 */
final class LoadUnderFault implements AutoCloseable {

    static final int DIRECTIVES = 2;

    final Traffic traffic = new Traffic();
    private final String code;
    private final String titlePrefix;
    private final String note;
    private final String officer = Tokens.rpt("officer-fin", "indicator-service");
    private final String secretariat = Tokens.rpt("secretariat", "meeting-service");
    private final String leader = Tokens.rpt("leader", "meeting-service");
    // opened before the load starts, so every dead letter the load causes is read
    private final TopicReader taskDlq = new TopicReader(Service.TASK.dlq());
    private final TopicReader meetingDlq = new TopicReader(Service.MEETING.dlq());
    private final AtomicBoolean stop = new AtomicBoolean();
    private Thread[] figures = new Thread[0];
    private Thread[] meetings = new Thread[0];

    /**
     * @param codePrefix    the indicator's code before a random suffix ({@code ST_FLAP_})
     * @param title         what the scenario's meetings are called before the code ({@code "CSDL chập chờn "})
     * @param indicatorName the indicator's Vietnamese name
     * @param note          what each figure's note says before its number ({@code "flap"})
     */
    LoadUnderFault(String codePrefix, String title, String indicatorName, String note) {
        this.code = codePrefix + Steps.suffix();
        this.titlePrefix = title + code + " #";
        this.note = note;
        Steps.createIndicator(code, indicatorName, "tấn", "FIN", List.of("FIN"));
    }

    /**
     * Starts the figure threads and one meeting flow, balanced over the given replicas; a figure thread pauses
     * {@code afterSuccess} after an accepted figure and {@code afterRefusal} after a refused one (a client backing off).
     */
    LoadUnderFault start(int figureThreads, List<Instance> indicators, List<Instance> meetingReplicas,
                         long afterSuccessMs, long afterRefusalMs) {
        AtomicInteger figureNo = new AtomicInteger();
        AtomicInteger meetingNo = new AtomicInteger();
        figures = Traffic.loop("figures", figureThreads, stop::get, () -> {
            int i = figureNo.getAndIncrement();
            String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"FIN\",\"period\":\"" + Ledger.period(i)
                    + "\",\"version\":\"" + Ledger.version(i) + "\",\"value\":" + (i + 1) + ",\"note\":\"" + note
                    + " #" + i + "\"}";
            Result r = traffic.call("figure", "#" + i, indicators, "POST", "/api/figures", officer, body);
            Traffic.sleep(r.ok() ? afterSuccessMs : afterRefusalMs);
        });
        meetings = Traffic.loop("meetings", 1, stop::get,
                () -> meetingToConclusion(meetingReplicas, titlePrefix + meetingNo.getAndIncrement()));
        return this;
    }

    /** Until {@code n} more figures (or other operations) have been accepted since the call. */
    void awaitSuccesses(String operation, int n, Duration atMost) {
        traffic.awaitSuccesses(operation, n, atMost);
    }

    /** Stops the load and waits for its threads; what they sent is in {@link #results()}. */
    void stop() {
        stop.set(true);
        Traffic.join(figures);
        Traffic.join(meetings);
    }

    List<Result> results() {
        return traffic.results();
    }

    /** Until the base instance of every service answers ready again. */
    static void awaitEveryServiceReady(ServiceProcesses p) {
        for (Service s : Service.values()) {
            Instance i = p.base(s);
            await(s.module + " ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ServiceProcesses.ready(i));
        }
    }

    /** Every accepted write stored and applied once, every refused one absent or whole, no good event dead-lettered. */
    void settle(String scenario) {
        Ledger.settle(scenario, results(), code, titlePrefix, taskDlq, meetingDlq);
    }

    @Override
    public void close() {
        stop();
        taskDlq.close();
        meetingDlq.close();
    }

    /** schedule → start → conclusion → publish as the secretariat and the chair; stops at the first refusal. */
    private void meetingToConclusion(List<Instance> meeting, String title) {
        String schedule = "{\"type\":\"THEMATIC\",\"title\":\"" + title + "\",\"period\":\"" + Steps.lastMonth()
                + "\",\"startsAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0)
                + "\",\"chair\":\"Chủ tịch UBND thành phố\",\"attendeeUnits\":[\"FIN\",\"ECO\"]}";
        Result created = traffic.call("schedule", title, meeting, "POST", "/api/meetings", secretariat, schedule);
        if (!created.ok()) {
            Traffic.sleep(200);
            return;
        }
        String id = read(created.body()).path("id").asText();
        if (!traffic.call("start", id, meeting, "POST", "/api/meetings/" + id + "/start", secretariat, null).ok()) {
            return;
        }
        StringBuilder directives = new StringBuilder();
        for (int d = 0; d < DIRECTIVES; d++) {
            directives.append(d == 0 ? "" : ",").append(Api.write(Steps.directive(title + " chỉ đạo " + d,
                    d % 2 == 0 ? "FIN" : "ECO", LocalDate.now().plusDays(30), List.of())));
        }
        String conclusion = "{\"text\":\"Kết luận\",\"directives\":[" + directives + "]}";
        if (!traffic.call("conclusion", id, meeting, "PUT", "/api/meetings/" + id + "/conclusion", leader,
                conclusion).ok()) {
            return;
        }
        traffic.call("publish", id, meeting, "POST", "/api/meetings/" + id + "/conclusion/publish", leader, null);
    }

    private static JsonNode read(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
