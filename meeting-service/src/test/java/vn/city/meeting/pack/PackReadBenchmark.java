package vn.city.meeting.pack;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.city.common.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pack-read measurement (issue 13, point 2), outside the default test command (not a *Test): run it with
 * {@code /work/coord/heavy meeting-service --exclusive -- ./mvnw -B -pl common,meeting-service test
 * -Dtest=PackReadBenchmark}. Five years × 12 months × 50 indicators of city results and 15 units' own results each
 * (45,000 unit rows, 3,000 city rows) are written by JDBC into the read model; then GET /api/packs/period/<month>
 * over HTTP with an RPT (the policy enforcer decides locally, as a frequent client calls), closed loop, 4 concurrent
 * callers, 5 s warm-up, 30 s measured. The rows are written behind the consumers' back, so the pack lines are made
 * ready by the sweep (PackLineSweep) before the measurement. Figures go to {@code target/pack-read-benchmark.txt} and stdout.
 */
@QuarkusTest
class PackReadBenchmark {

    static final int YEARS = 5;
    static final int FIRST_YEAR = 2801;
    static final int INDICATORS = 50;
    static final int UNITS = 15;
    static final int CALLERS = Integer.getInteger("bench.callers", 4);
    static final int WARMUP_S = Integer.getInteger("bench.warmup", 5);
    static final int MEASURE_S = Integer.getInteger("bench.seconds", 30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void packReadOfAFiftyLineMonthWithFiveYearsOfHistory() throws Exception {
        seed();
        String month = (FIRST_YEAR + YEARS - 1) + "-06";
        String rpt = Tokens.rpt("viewer", "meeting-service");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://localhost:" + Integer.getInteger("quarkus.http.test-port", 18083)
                + "/api/packs/period/" + month))
                .header("Authorization", "Bearer " + rpt).header("Accept", "application/json").GET().build();
        HttpResponse<String> probe = http.send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).isEqualTo(200);
        int lines = probe.body().split("\"indicatorCode\"", -1).length - 1;
        assertThat(lines).as("indicator lines").isEqualTo(INDICATORS);

        run(http, get, WARMUP_S, null);
        List<long[]> samples = new ArrayList<>();
        long count = run(http, get, MEASURE_S, samples);
        long[] all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        double p50 = all[(int) (all.length * 0.50)] / 1e6;
        double p99 = all[(int) Math.min(all.length - 1, all.length * 0.99)] / 1e6;
        double max = all[all.length - 1] / 1e6;
        String figures = String.format(Locale.ROOT,
                "PACK-READ month=%s lines=%d bytes=%d history=%d city rows + %d unit rows callers=%d seconds=%d "
                        + "requests=%d perSecond=%.0f p50Ms=%.2f p99Ms=%.2f maxMs=%.2f at=%s%n",
                month, lines, probe.body().length(), YEARS * 12 * INDICATORS, YEARS * 12 * INDICATORS * UNITS, CALLERS,
                MEASURE_S, count, count / (double) MEASURE_S, p50, p99, max, OffsetDateTime.now(ZoneOffset.UTC));
        System.out.print(figures);
        Files.writeString(Path.of("target/pack-read-benchmark.txt"), figures, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(p99).as("issue 13: p99 < 20 ms").isLessThan(20.0);
    }

    /** Closed loop: each caller sends the next request when the previous answered. */
    private long run(HttpClient http, HttpRequest get, int seconds, List<long[]> samples) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[200_000];
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long t = System.nanoTime();
                    HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("pack read answered " + r.statusCode());
                    }
                    mine[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        Thread.sleep(seconds * 1000L); // the measured window of the readers: a duration, not a wait for a condition
        stop.set(true);
        long count = 0;
        for (Future<long[]> f : futures) {
            long[] s = f.get();
            count += s.length;
            if (samples != null) {
                samples.add(s);
            }
        }
        pool.shutdown();
        return count;
    }

    private void seed() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("delete from city_result where indicator_code like 'BENCH-%'");
                st.execute("delete from unit_result where indicator_code like 'BENCH-%'");
                st.execute("delete from indicator_view where code like 'BENCH-%'");
                st.execute("delete from unit_view where code like 'BENCH-%'");
                st.execute("delete from target_view where indicator_code like 'BENCH-%'");
                st.execute("delete from pack_line where indicator_code like 'BENCH-%'");
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement u = c.prepareStatement(
                    "insert into unit_view (code, name, kind, parent_code, active, received_at) values (?, ?, 'WARD', 'CITY', true, ?)")) {
                for (int k = 1; k <= UNITS; k++) {
                    u.setString(1, unit(k));
                    u.setString(2, "Phường đo " + k);
                    u.setObject(3, now);
                    u.addBatch();
                }
                u.executeBatch();
            }
            try (PreparedStatement i = c.prepareStatement("insert into indicator_view (code, name, measure_unit, nature,"
                    + " direction, owner_unit, category, active, received_at, aggregation, change_kind, decimals)"
                    + " values (?, ?, 'tỷ đồng', 'FLOW', 'HIGHER_IS_BETTER', 'FIN', 'Tài chính', true, ?, 'SUM_OF_UNITS', 'PERCENT', 2)");
                 PreparedStatement t = c.prepareStatement("insert into target_view (indicator_code, year, unit_key, value,"
                         + " kind, document_number, revision, received_at) values (?, ?, '', 1200, 'PLAN', 'KH', 1, ?)")) {
                for (int n = 1; n <= INDICATORS; n++) {
                    i.setString(1, indicator(n));
                    i.setString(2, "Chỉ tiêu đo " + n);
                    i.setObject(3, now);
                    i.addBatch();
                    for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                        t.setString(1, indicator(n));
                        t.setInt(2, y);
                        t.setObject(3, now);
                        t.addBatch();
                    }
                }
                i.executeBatch();
                t.executeBatch();
            }
            try (PreparedStatement city = c.prepareStatement("insert into city_result (indicator_code, period,"
                    + " indicator_name, measure_unit, nature, direction, category, owner_unit, aggregation, change_kind,"
                    + " decimals, value, year_to_date, target, attainment_percent, expected_percent,"
                    + " same_period_last_year, change, status, partial, contributing_units, missing_units, revision,"
                    + " computed_at, cause, received_at) values (?, ?, ?, 'tỷ đồng', 'FLOW', 'HIGHER_IS_BETTER',"
                    + " 'Tài chính', 'FIN', 'SUM_OF_UNITS', 'PERCENT', 2, ?, ?, 1200, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?,"
                    + " 'FIGURE', ?)");
                 PreparedStatement unit = c.prepareStatement("insert into unit_result (indicator_code, unit_code, period,"
                         + " value, year_to_date, status, current_version, submission_id, submitted_at, received_at)"
                         + " values (?, ?, ?, ?, ?, 'ON_TRACK', 'OFFICIAL', ?, ?, ?)")) {
                String[] allUnits = new String[UNITS];
                for (int k = 1; k <= UNITS; k++) {
                    allUnits[k - 1] = unit(k);
                }
                for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
                    for (int m = 1; m <= 12; m++) {
                        String period = String.format(Locale.ROOT, "%d-%02d", y, m);
                        for (int n = 1; n <= INDICATORS; n++) {
                            double value = 100 + n;
                            city.setString(1, indicator(n));
                            city.setString(2, period);
                            city.setString(3, "Chỉ tiêu đo " + n);
                            city.setBigDecimal(4, java.math.BigDecimal.valueOf(value));
                            city.setBigDecimal(5, java.math.BigDecimal.valueOf(value * m));
                            city.setBigDecimal(6, java.math.BigDecimal.valueOf(value * m / 12));
                            city.setBigDecimal(7, java.math.BigDecimal.valueOf(m * 100.0 / 12));
                            city.setBigDecimal(8, java.math.BigDecimal.valueOf(value * m * 0.95));
                            city.setBigDecimal(9, java.math.BigDecimal.valueOf(5.26));
                            city.setString(10, n % 7 == 0 ? "BEHIND" : "ON_TRACK");
                            city.setBoolean(11, n % 10 == 0);
                            city.setArray(12, c.createArrayOf("text", allUnits));
                            city.setArray(13, c.createArrayOf("text", n % 10 == 0 ? new String[]{unit(UNITS)} : new String[0]));
                            city.setObject(14, now);
                            city.setObject(15, now);
                            city.addBatch();
                            for (int k = 1; k <= UNITS; k++) {
                                unit.setString(1, indicator(n));
                                unit.setString(2, unit(k));
                                unit.setString(3, period);
                                unit.setBigDecimal(4, java.math.BigDecimal.valueOf(value / UNITS));
                                unit.setBigDecimal(5, java.math.BigDecimal.valueOf(value * m / UNITS));
                                unit.setString(6, java.util.UUID.randomUUID().toString());
                                unit.setObject(7, now);
                                unit.setObject(8, now);
                                unit.addBatch();
                            }
                        }
                        city.executeBatch();
                        unit.executeBatch();
                    }
                }
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("analyze city_result");
                st.execute("analyze unit_result");
            }
            // the rows were written behind the consumers' back: the sweep makes their lines ready (5 years × 19
            // periods × 50 indicators)
            long t0 = System.nanoTime();
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
                try (Statement st = c.createStatement();
                     var rs = st.executeQuery("select count(*) from pack_line where indicator_code like 'BENCH-%'")) {
                    rs.next();
                    return rs.getLong(1) >= (long) YEARS * 19 * INDICATORS;
                }
            });
            System.out.printf("PACK-READ lines ready %d s after the direct load%n", (System.nanoTime() - t0) / 1_000_000_000);
        }
    }

    static String indicator(int n) {
        return String.format(Locale.ROOT, "BENCH-%02d", n);
    }

    static String unit(int k) {
        return String.format(Locale.ROOT, "BENCH-U%02d", k);
    }
}
