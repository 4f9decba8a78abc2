package vn.city.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark driver (deploy/benchmark/run.sh starts the services and calls this). Commands:
 * <pre>
 *   prepare-db            drop and create the benchmark databases (as the local superuser)
 *   run                   every measurement, in order; writes the JSON results file and prints the table
 *   submit                only the submission windows against one indicator-service (for profiling it, e.g. with
 *                         JFR): setup without waiting for meeting-service, then for each of bench.variants
 *                         (baseline, rpt, bearer) warm-up and a measured window; prints one line per variant
 * </pre>
 * Settings come as -Dbench.* system properties (see {@link #cfg}); run.sh passes them from its environment.
 */
public final class LoadGen {

    // ---- settings -------------------------------------------------------------------------------------------
    static String cfg(String key, String def) {
        String v = System.getProperty("bench." + key);
        return v == null || v.isBlank() ? def : v;
    }

    static int cfgInt(String key, int def) {
        return Integer.parseInt(cfg(key, String.valueOf(def)));
    }

    static double cfgDouble(String key, double def) {
        return Double.parseDouble(cfg(key, String.valueOf(def)));
    }

    final String kc = cfg("keycloak", "http://localhost:8180");
    final String indicatorUrl = cfg("indicator", "http://localhost:48081");
    final String bearerUrl = cfg("indicatorBearer", "http://localhost:48084");
    final String meetingUrl = cfg("meeting", "http://localhost:48083");
    final String pgHostPort = cfg("pg", "127.0.0.1:55432");
    final String pgUser = cfg("pgUser", "city");
    final String pgPassword = cfg("pgPassword", "city");
    final String dbIndicator = cfg("dbIndicator", "indicator_bench");
    final String dbMeeting = cfg("dbMeeting", "meeting_bench");
    final String dbTask = cfg("dbTask", "task_bench");
    final int keycloakPid = cfgInt("keycloakPid", 0);
    final int indicatorPid;
    final int meetingPid;
    /** meeting-service's CPU ticks when the bulk import started (its catch-up is measured after the history). */
    long bulkMeetingCpu0;
    final int bearerPid;
    final String mode = cfg("mode", "quick");
    final int rounds = cfgInt("rounds", 1);
    final int concurrency = cfgInt("concurrency", 16);
    final double warmupS = cfgDouble("warmup", 5);
    final double durationS = cfgDouble("duration", 10);
    final double tokenDurationS = cfgDouble("tokenDuration", durationS);
    final int eventRate = cfgInt("eventRate", 200);
    final double eventSeconds = cfgDouble("eventSeconds", 15);
    final int pollMs = cfgInt("pollMs", 5);
    final double sustainedSeconds = cfgDouble("sustainedSeconds", 15);
    final int maxInFlight = cfgInt("maxInFlight", 64);
    final int conclusions = cfgInt("conclusions", 3);
    final int directives = cfgInt("directives", 5);
    final int indicators = cfgInt("indicators", 50);
    final int units = cfgInt("units", 15);
    final int historyYears = cfgInt("historyYears", 1);
    /**
     * How the benchmark indicators form their city figure: OWNER_REPORTED (the owner FIN's own figure, which the
     * benchmark never submits: no city result, no city-result-changed) or SUM_OF_UNITS (the wards' sum, as the
     * communes' figures at the cut-off peak: each submission also announces the changed city results).
     */
    final String aggregation = cfg("aggregation", "OWNER_REPORTED");
    /**
     * How the figures of the event-latency test are spread: "spread" (random months of 2001–2020, as the submission
     * windows) and/or "cutoff" (the cut-off day: every unit's figures of one month, indicator by indicator).
     */
    final List<String> eventShapes = List.of(cfg("eventShapes", "spread,cutoff").split(","));
    /** Also measure enforcer + RPT submissions with meeting-service and task-service stopped (as on their own cores). */
    final boolean consumersPaused = Boolean.parseBoolean(cfg("consumersPaused", "true"));
    final int bulkRows = cfgInt("bulkRows", 2000);
    final double drainTimeoutS = cfgDouble("drainTimeout", 600);
    final double bulkTimeoutS = cfgDouble("bulkTimeout", 300);
    final int bulkFallbackRows = cfgInt("bulkFallbackRows", 2000);
    final int readConcurrency = cfgInt("readConcurrency", 4);
    final double readSeconds = cfgDouble("readSeconds", 10);
    final String out = cfg("out", "results.json");
    final int lastYear = LocalDate.now(ZoneOffset.UTC).getYear() - 1;

    final Http http;
    final Map<String, Object> results = new LinkedHashMap<>();
    final List<Map<String, Object>> footprint = new ArrayList<>();
    final Map<String, Integer> pids = new LinkedHashMap<>();

    String secretariat;
    String secretariatRpt;
    String leader;
    String meetingRpt;

    LoadGen() {
        http = new Http(kc, Math.max(8, concurrency));
        // footprint=name:pid:readySeconds:rssAtReadyMb,...  (from run.sh, which launched them)
        for (String s : cfg("footprint", "").split(",")) {
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.split(":");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", f[0]);
            m.put("pid", Integer.parseInt(f[1]));
            m.put("readySeconds", Double.parseDouble(f[2]));
            m.put("rssAtReadyMb", Double.parseDouble(f[3]));
            footprint.add(m);
            pids.put(f[0], Integer.parseInt(f[1]));
        }
        for (String s : cfg("firstStart", "").split(",")) {
            if (!s.isBlank()) {
                String[] f = s.split(":");
                footprint.stream().filter(m -> m.get("service").equals(f[0])).findFirst()
                        .ifPresent(m -> m.put("firstStartReadySeconds", Double.parseDouble(f[1])));
            }
        }
        indicatorPid = pids.getOrDefault("indicator-service", 0);
        meetingPid = pids.getOrDefault("meeting-service", 0);
        bearerPid = pids.getOrDefault("indicator-service-bearer-only", 0);
        Map<Integer, String> named = new LinkedHashMap<>();
        pids.forEach((service, pid) -> named.put(pid, service));
        if (keycloakPid > 0) {
            named.put(keycloakPid, "keycloak");
        }
        Load.machine = new MachineCpu(named);
    }

    public static void main(String[] args) throws Exception {
        String cmd = args.length == 0 ? "run" : args[0];
        switch (cmd) {
            case "prepare-db" -> Pg.recreate(cfg("pg", "127.0.0.1:55432"), cfg("pgSuperuser", "postgres"),
                    cfg("pgSuperpass", "postgres"), cfg("pgUser", "city"), !"keep".equals(cfg("db", "fresh")),
                    cfg("dbIndicator", "indicator_bench"), cfg("dbTask", "task_bench"), cfg("dbMeeting", "meeting_bench"));
            case "run" -> new LoadGen().run();
            case "reads" -> new LoadGen().runReads();
            case "submit" -> new LoadGen().runSubmit();
            default -> {
                System.err.println("usage: LoadGen prepare-db|run|reads|submit");
                System.exit(64);
            }
        }
        System.exit(0);
    }

    static void log(String fmt, Object... args) {
        System.err.printf("[bench %s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(Locale.ROOT, fmt, args));
    }

    void tokens() {
        secretariat = http.accessToken("secretariat");
        secretariatRpt = http.rpt(secretariat, "indicator-service");
        leader = http.accessToken("leader");
        meetingRpt = http.rpt(secretariat, "meeting-service");
    }

    // ---- the run ------------------------------------------------------------------------------------------
    void run() throws Exception {
        long t0 = System.nanoTime();
        Map<String, Object> machine = begin(mode);
        results.put("workarounds", cfg("workarounds", "").trim());

        tokens();
        setup();
        submissions();
        eventLatency();
        conclusionsToTasks();
        bulk();
        history();
        reads();

        afterLoad(machine);
        results.put("targets", targets());
        write(t0, Table::render);
    }

    /** The run's header: when, which mode, the machine and the settings, each service's RSS before any load. */
    private Map<String, Object> begin(String runMode) {
        results.put("startedAt", Instant.now().toString());
        results.put("mode", runMode);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageAtStart", loadAverage());
        machine.put("java", System.getProperty("java.version"));
        results.put("machine", machine);
        results.put("settings", settings());
        for (Map<String, Object> f : footprint) {
            f.put("rssIdleMb", round1(Proc.rssMb((Integer) f.get("pid"))));
        }
        return machine;
    }

    /** Each service's RSS and the machine's load once the load is over. */
    private void afterLoad(Map<String, Object> machine) {
        for (Map<String, Object> f : footprint) {
            f.put("rssAfterLoadMb", round1(Proc.rssMb((Integer) f.get("pid"))));
        }
        results.put("footprint", footprint);
        machine.put("loadAverageAtEnd", loadAverage());
    }

    /** Writes the results (JSON) and prints their table (rendered once the total time is in them). */
    private void write(long t0, java.util.function.Function<Map<String, Object>, String> table) throws IOException {
        results.put("totalSeconds", Load.round((System.nanoTime() - t0) / 1e9, 1));
        Path path = Path.of(out);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
        System.out.println(table.apply(results));
        log("results written to %s", path);
    }

    /**
     * The pack-read scenario alone (issue 13, point 2): the same setup and history as a full run, then the reads and
     * their bare comparisons in the same run, without the submission, event and import sections before them.
     */
    @SuppressWarnings("unchecked")
    void runReads() throws Exception {
        long t0 = System.nanoTime();
        Map<String, Object> machine = begin("reads");
        tokens();
        setup();
        history();
        reads();
        afterLoad(machine);
        List<Map<String, Object>> t = new ArrayList<>();
        Map<String, Object> reads = (Map<String, Object>) results.get("reads");
        target(t, "briefing pack read p99 (50-line month, 5 years of history), ms", "< 20",
                (Double) ((Map<String, Object>) reads.get("briefingPackMonth")).get("p99Ms"), v -> v < 20);
        results.put("targets", t);
        write(t0, Table::renderReads);
    }

    /** Submission windows only (command submit): no meeting-service needed; one line per variant on stdout. */
    void runSubmit() throws Exception {
        tokens();
        setup(false);
        int pid = cfgInt("pid", 0);
        for (String variant : cfg("variants", "baseline,rpt").split(",")) {
            Load.Stats stats = new Load.Stats(variant);
            String url = switch (variant) {
                case "baseline" -> indicatorUrl + "/bench/baseline";
                case "rpt", "bearer" -> indicatorUrl + "/api/figures";
                default -> throw new IllegalArgumentException("variant " + variant + " (baseline, rpt, bearer)");
            };
            String token = switch (variant) {
                case "rpt" -> secretariatRpt;
                case "bearer" -> secretariat;
                default -> null;
            };
            Load.closed(http, stats, concurrency, warmupS, durationS, 201, () -> Http.postJson(url, token, body()),
                    pid, 0);
            Map<String, Object> m = stats.toMap();
            System.out.printf(Locale.ROOT, "%s: %.1f/s p50 %.2f p90 %.2f p99 %.2f ms, service CPU %s ms/req, %d errors %s%n",
                    variant, stats.rate(), stats.p(50), stats.p(90), stats.p(99), m.get("serviceCpuMsPerRequest"),
                    stats.errors, stats.firstError == null ? "" : stats.firstError);
            System.out.printf(Locale.ROOT, "%s: machine CPU ms/req by process %s%n", variant, m.get("machineCpuMsPerRequest"));
        }
    }

    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rounds", rounds);
        s.put("concurrency", concurrency);
        s.put("warmupSeconds", warmupS);
        s.put("durationSeconds", durationS);
        s.put("tokenDurationSeconds", tokenDurationS);
        s.put("eventRatePerSecond", eventRate);
        s.put("eventSeconds", eventSeconds);
        s.put("conclusions", conclusions);
        s.put("directivesPerConclusion", directives);
        s.put("indicators", indicators);
        s.put("units", units);
        s.put("aggregation", aggregation);
        s.put("eventShapes", eventShapes);
        s.put("consumersPaused", consumersPaused);
        s.put("historyYears", historyYears);
        s.put("bulkRows", bulkRows);
        s.put("bulkTimeoutSeconds", bulkTimeoutS);
        s.put("bulkFallbackRows", bulkFallbackRows);
        s.put("sustainedSeconds", sustainedSeconds);
        s.put("maxInFlight", maxInFlight);
        s.put("readConcurrency", readConcurrency);
        s.put("readSeconds", readSeconds);
        s.put("heap", cfg("heap", "?"));
        return s;
    }

    static String ind(int i) {
        return String.format("BI%02d", i);
    }

    static String unit(int u) {
        return String.format("BU%02d", u);
    }

    /** Units, indicators and city-wide targets for the history years; waits until meeting-service knows the units. */
    void setup() throws Exception {
        setup(true);
    }

    void setup(boolean waitForMeeting) throws Exception {
        long t = System.nanoTime();
        List<String> unitCodes = new ArrayList<>();
        for (int u = 1; u <= units; u++) {
            unitCodes.add(unit(u));
            http.expect(Http.postJson(indicatorUrl + "/api/units", secretariat, Http.write(Map.of(
                    "code", unit(u), "name", "Phường thử tải " + u, "kind", "WARD", "parentCode", "CITY",
                    "validFrom", "2000-01-01"))), 201, 409);
        }
        for (int i = 1; i <= indicators; i++) {
            http.expect(Http.postJson(indicatorUrl + "/api/indicators", secretariat, Http.write(Map.of(
                    "code", ind(i), "name", "Chỉ tiêu thử tải " + i, "measureUnit", "tỷ đồng", "nature", "FLOW",
                    "direction", "HIGHER_IS_BETTER", "ownerUnit", "FIN", "category", "Thử tải",
                    "reportingUnits", unitCodes, "aggregation", aggregation))), 201, 409);
            for (int y = lastYear - historyYears + 1; y <= lastYear; y++) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("indicatorCode", ind(i));
                target.put("year", y);
                target.put("value", 12 * units * 100);
                target.put("kind", "PLAN");
                target.put("documentNumber", "01/KH-BENCH");
                target.put("documentDate", y + "-01-05");
                http.expect(Http.postJson(indicatorUrl + "/api/targets", secretariat, Http.write(target)), 201);
            }
        }
        if (waitForMeeting) try (Connection m = Pg.connect(pgHostPort, dbMeeting, pgUser, pgPassword)) {
            waitFor("meeting-service to know the benchmark units", 120,
                    () -> Pg.count(m, "select count(*) from unit_view where code like 'BU%'") >= units
                            && Pg.count(m, "select count(*) from unit_view where active and code in ('FIN','ECO','ENV','URB','CUL','LAB')") == 6);
        }
        log("setup: %d units, %d indicators, %d targets (%.1f s)", units, indicators, indicators * historyYears,
                (System.nanoTime() - t) / 1e9);
    }

    String body() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "{\"indicatorCode\":\"" + ind(1 + r.nextInt(indicators)) + "\",\"unitCode\":\"" + unit(1 + r.nextInt(units))
                + "\",\"period\":\"" + (2001 + r.nextInt(20)) + "-" + String.format("%02d", 1 + r.nextInt(12))
                + "\",\"version\":\"ESTIMATE\",\"value\":" + (50 + r.nextInt(1000) / 10.0) + "}";
    }

    /** The cut-off day: figures of one month, unit after unit, indicator after indicator (again as corrections). */
    private final AtomicLong cutoffNext = new AtomicLong();

    String cutoffBody() {
        long n = cutoffNext.getAndIncrement();
        int u = (int) (n % units);
        int i = (int) (n / units % indicators);
        return "{\"indicatorCode\":\"" + ind(1 + i) + "\",\"unitCode\":\"" + unit(1 + u)
                + "\",\"period\":\"" + CUTOFF_MONTH
                + "\",\"version\":\"ESTIMATE\",\"value\":" + (50 + ThreadLocalRandom.current().nextInt(1000) / 10.0) + "}";
    }

    /** The month reported on the cut-off day: the one before this month (January's figures in February, …). */
    static final String CUTOFF_MONTH = java.time.YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();

    // ---- submission throughput ----------------------------------------------------------------------------
    void submissions() throws Exception {
        Load.Stats baseline = new Load.Stats("baseline");
        Load.Stats rpt = new Load.Stats("rpt");
        Load.Stats bearer = new Load.Stats("bearer-only");
        Load.Stats bearerRpt = new Load.Stats("bearer-only-rpt");
        Load.Stats token = new Load.Stats("access-token");
        Load.Stats paused = new Load.Stats("rpt-consumers-paused");
        try (Connection db = Pg.connect(pgHostPort, dbIndicator, pgUser, pgPassword);
             Connection meet = Pg.connect(pgHostPort, dbMeeting, pgUser, pgPassword)) {
            for (int round = 1; round <= rounds; round++) {
                tokens();
                String s = secretariat;
                String sr = secretariatRpt;
                log("submissions round %d/%d: bare baseline", round, rounds);
                sampled(db, baseline, () -> Load.closed(http, baseline, concurrency, warmupS, durationS, 201,
                        () -> Http.postJson(indicatorUrl + "/bench/baseline", null, body()), indicatorPid, 0));
                if (consumersPaused) {
                    log("submissions round %d/%d: enforcer, RPT, meeting-service and task-service stopped", round, rounds);
                    List<Integer> consumers = List.of(pids.getOrDefault("meeting-service", 0), pids.getOrDefault("task-service", 0));
                    try {
                        Proc.signal("STOP", consumers);
                        sampled(db, paused, () -> Load.closed(http, paused, concurrency, warmupS, durationS, 201,
                                () -> Http.postJson(indicatorUrl + "/api/figures", sr, body()), indicatorPid, keycloakPid));
                    } finally {
                        Proc.signal("CONT", consumers);
                    }
                    // the next variant starts with the consumers caught up, as every other variant does
                    drain(db, meet, "after the window with the consumers stopped");
                }
                log("submissions round %d/%d: enforcer, RPT", round, rounds);
                sampled(db, rpt, () -> Load.closed(http, rpt, concurrency, warmupS, durationS, 201,
                        () -> Http.postJson(indicatorUrl + "/api/figures", sr, body()), indicatorPid, keycloakPid));
                log("submissions round %d/%d: bearer-token check only", round, rounds);
                sampled(db, bearer, () -> Load.closed(http, bearer, concurrency, warmupS, durationS, 201,
                        () -> Http.postJson(bearerUrl + "/api/figures", s, body()), bearerPid, keycloakPid));
                log("submissions round %d/%d: bearer-token check only, RPT as the bearer token", round, rounds);
                sampled(db, bearerRpt, () -> Load.closed(http, bearerRpt, concurrency, warmupS, durationS, 201,
                        () -> Http.postJson(bearerUrl + "/api/figures", sr, body()), bearerPid, keycloakPid));
                log("submissions round %d/%d: enforcer, plain access token", round, rounds);
                sampled(db, token, () -> Load.closed(http, token, concurrency, warmupS, tokenDurationS, 201,
                        () -> Http.postJson(indicatorUrl + "/api/figures", s, body()), indicatorPid, keycloakPid));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bareBaseline", baseline.toMap());
        m.put("enforcerRpt", rpt.toMap());
        m.put("bearerOnly", bearer.toMap());
        m.put("bearerOnlyWithRpt", bearerRpt.toMap());
        m.put("enforcerAccessToken", token.toMap());
        if (consumersPaused) {
            m.put("enforcerRptConsumersPaused", paused.toMap());
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("enforcerRptVsBaseline", ratio(rpt.rate(), baseline.rate()));
        ratios.put("enforcerAccessTokenVsBaseline", ratio(token.rate(), baseline.rate()));
        if (consumersPaused) {
            ratios.put("enforcerRptConsumersPausedVsBaseline", ratio(paused.rate(), baseline.rate()));
        }
        ratios.put("bearerOnlyVsBaseline", ratio(bearer.rate(), baseline.rate()));
        ratios.put("enforcerRptVsBearerOnly", ratio(rpt.rate(), bearer.rate()));
        ratios.put("enforcerRptVsBearerOnlyWithRpt", ratio(rpt.rate(), bearerRpt.rate()));
        ratios.put("enforcerAccessTokenVsBearerOnly", ratio(token.rate(), bearer.rate()));
        m.put("ratios", ratios);
        results.put("submission", m);
        log("submissions/s: baseline %.0f, RPT %.0f, bearer-only %.0f, access token %.0f", baseline.rate(), rpt.rate(),
                bearer.rate(), token.rate());
    }

    interface Step {
        void run() throws Exception;
    }

    void sampled(Connection db, Load.Stats stats, Step step) throws Exception {
        try (WaitSampler w = new WaitSampler(db, dbIndicator)) {
            step.run();
            stats.dbWaits = w.summary();
        }
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : Load.round(a / b, 3);
    }

    // ---- commit -> briefing read model ---------------------------------------------------------------------
    void eventLatency() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (eventShapes.contains("spread")) {
            m.put("atTargetRate", eventLatency(eventRate, eventSeconds, this::body));
            @SuppressWarnings("unchecked")
            Map<String, Object> sub = (Map<String, Object>) ((Map<String, Object>) results.get("submission")).get("enforcerRpt");
            double capacity = ((Number) sub.get("perSecond")).doubleValue();
            int sustainable = (int) Math.floor(capacity * 0.5);
            if (sustainedSeconds > 0 && sustainable >= 1 && sustainable < eventRate) {
                // the asked rate is above what the service sustains here: also measure at half its measured capacity
                m.put("atHalfCapacity", eventLatency(sustainable, sustainedSeconds, this::body));
            }
        }
        if (eventShapes.contains("cutoff")) {
            Map<String, Object> c = eventLatency(eventRate, eventSeconds, this::cutoffBody);
            c.put("shape", "cut-off day: " + CUTOFF_MONTH + ", " + units + " units × " + indicators
                    + " indicators in turn (again as corrections once all were sent)");
            m.put("cutoffDayAtTargetRate", c);
        }
        results.put("figureToBriefing", m);
    }

    Map<String, Object> eventLatency(int rate, double seconds, java.util.function.Supplier<String> bodies) throws Exception {
        tokens();
        try (Connection ind = Pg.connect(pgHostPort, dbIndicator, pgUser, pgPassword);
             Connection meet = Pg.connect(pgHostPort, dbMeeting, pgUser, pgPassword)) {
            drain(ind, meet, "before the event-latency test");
            String token = secretariatRpt;
            Histogram http201 = new Histogram(600_000_000L, 3);
            Histogram fromResponse = new Histogram(600_000_000L, 3);
            Histogram fromSubmittedAt = new Histogram(600_000_000L, 3);
            ConcurrentHashMap<String, long[]> pending = new ConcurrentHashMap<>();
            AtomicLong errors = new AtomicLong();
            AtomicLong completed = new AtomicLong();
            long[] seen = new long[1];
            String[] firstError = new String[1];
            int total = (int) Math.round(rate * seconds);
            long intervalNs = 1_000_000_000L / rate;
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(maxInFlight);
            long dropped = 0;
            done = false;
            Thread poller = new Thread(() -> {
                try (PreparedStatement ps = meet.prepareStatement(
                        "select submission_id from figure_submission_view where submission_id = any(?)")) {
                    while (!done || !pending.isEmpty()) {
                        if (!pending.isEmpty()) {
                            ps.setArray(1, meet.createArrayOf("text", pending.keySet().toArray(new String[0])));
                            try (ResultSet rs = ps.executeQuery()) {
                                long now = System.nanoTime();
                                Instant wall = Instant.now();
                                long wallUs = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1000;
                                while (rs.next()) {
                                    long[] p = pending.remove(rs.getString(1));
                                    if (p != null) {
                                        fromResponse.recordValue(Math.max(1, (now - p[0]) / 1000));
                                        fromSubmittedAt.recordValue(Math.max(1, wallUs - p[1]));
                                        seen[0]++;
                                    }
                                }
                            }
                        }
                        // every pending id is looked up on each poll: when the consumer lags by thousands the poll
                        // itself would load meeting-service's database; at most ~20,000 lookups a second
                        Thread.sleep(Math.max(pollMs, pending.size() / 20));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    log("poller failed: %s", e);
                }
            }, "read-model-poller");
            poller.setDaemon(true);
            poller.start();
            log("event latency: %d figures/s for %.0f s (open loop, at most %d in flight), polling the read model every %d ms",
                    rate, seconds, maxInFlight, pollMs);
            // every figure is submitted, one in trackEvery is followed into the read model (about 100 a second): parsing
            // every answer and looking up every pending id loaded the two cores with the measurement itself
            int trackEvery = Math.max(1, rate / 100);
            Connection meetWaits = Pg.connect(pgHostPort, dbMeeting, pgUser, pgPassword);
            WaitSampler meetingWaits = new WaitSampler(meetWaits, dbMeeting);
            MachineCpu.Snapshot cpu0 = Load.machine.take();
            Instant windowFrom = Instant.now();
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < total; i++) {
                long intended = start + i * intervalNs;
                Load.sleepUntil(intended);
                if (!inFlight.tryAcquire()) {
                    dropped++;
                    completed.incrementAndGet();
                    continue;
                }
                boolean tracked = i % trackEvery == 0;
                http.client.sendAsync(Http.postJson(indicatorUrl + "/api/figures", token, bodies.get()),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    inFlight.release();
                    long now = System.nanoTime();
                    try {
                        if (e != null || r.statusCode() != 201) {
                            if (errors.getAndIncrement() == 0) {
                                firstError[0] = e != null ? e.toString() : r.statusCode() + " " + Http.abbreviate(r.body());
                            }
                            return;
                        }
                        synchronized (http201) {
                            http201.recordValue(Math.max(1, (now - intended) / 1000));
                        }
                        if (!tracked) {
                            return;
                        }
                        JsonNode f = Http.json(r.body()).path("figure");
                        Instant at = OffsetDateTime.parse(f.path("submittedAt").asText()).toInstant();
                        pending.put(f.path("submissionId").asText(),
                                new long[]{now, at.getEpochSecond() * 1_000_000L + at.getNano() / 1000});
                    } finally {
                        completed.incrementAndGet();
                    }
                });
            }
            long sentEnd = System.nanoTime();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (completed.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            done = true;
            poller.join(120_000);
            poller.interrupt();
            Map<String, Long> cpu = MachineCpu.between(cpu0, Load.machine.take());
            meetingWaits.close();
            meetWaits.close();
            Instant windowTo = Instant.now();
            drain(ind, meet, "after the event-latency test");
            Map<String, Object> stages = FigureStages.between(ind, meet, windowFrom, windowTo);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ratePerSecond", rate);
            m.put("seconds", seconds);
            m.put("scheduled", total);
            m.put("droppedInFlightLimit", dropped);
            m.put("errors", errors.get());
            m.put("accepted", http201.getTotalCount());
            m.put("acceptedPerSecond", Load.round(http201.getTotalCount() / ((sentEnd - start) / 1e9), 1));
            m.put("followedOneIn", trackEvery);
            m.put("seenInReadModel", seen[0]);
            m.put("notSeen", pending.size());
            m.put("p50Ms", ms(fromResponse, 50));
            m.put("p99Ms", ms(fromResponse, 99));
            m.put("maxMs", ms(fromResponse, 100));
            m.put("fromSubmittedAtP50Ms", ms(fromSubmittedAt, 50));
            m.put("fromSubmittedAtP99Ms", ms(fromSubmittedAt, 99));
            m.put("submissionHttpP50Ms", ms(http201, 50));
            m.put("submissionHttpP99Ms", ms(http201, 99));
            m.put("pollIntervalMs", pollMs + " (longer while many are pending: pending / 20 ms)");
            m.put("meetingDbActiveSessionsByWait", meetingWaits.summary());
            m.put("stages", stages);
            Map<String, Object> perFigure = new LinkedHashMap<>();
            long figures = Math.max(1, http201.getTotalCount());
            cpu.forEach((group, ticks) -> perFigure.put(group, Load.round(ticks * Proc.MS_PER_TICK / figures, 3)));
            m.put("machineCpuMsPerFigureUntilSeen", perFigure);
            if (firstError[0] != null) {
                m.put("firstError", firstError[0]);
            }
            log("commit -> briefing read model at %d/s: p50 %.1f ms, p99 %.1f ms (%d accepted, %d followed and seen, %d not seen, %d errors, %d dropped); submission p99 %.1f ms",
                    rate, ms(fromResponse, 50), ms(fromResponse, 99), http201.getTotalCount(), seen[0], pending.size(),
                    errors.get(), dropped, ms(http201, 99));
            return m;
        }
    }

    private volatile boolean done;

    static double ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return Double.NaN;
        }
        return Load.round((percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile)) / 1000.0, 2);
    }

    /** Waits until meeting-service's read model holds every figure indicator-service has; returns the seconds. */
    double drain(Connection ind, Connection meet, String when) throws Exception {
        long t = System.nanoTime();
        long[] last = new long[2];
        waitFor("meeting-service to consume every figure " + when, drainTimeoutS, () -> {
            last[0] = Pg.count(ind, "select count(*) from figure_submission");
            last[1] = Pg.count(meet, "select count(*) from figure_submission_view");
            return last[1] >= last[0];
        });
        double s = (System.nanoTime() - t) / 1e9;
        log("meeting-service caught up %s (%d figures) in %.1f s", when, last[0], s);
        return s;
    }

    // ---- published conclusion -> tasks ---------------------------------------------------------------------
    void conclusionsToTasks() throws Exception {
        tokens();
        Histogram lat = new Histogram(60_000_000L, 3);
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusMonths(6);
        String[] leads = {"FIN", "ECO", "ENV", "URB", "CUL", "LAB"};
        try (Connection task = Pg.connect(pgHostPort, dbTask, pgUser, pgPassword);
             PreparedStatement ps = task.prepareStatement("select count(*) from task where source_meeting_id = ?")) {
            for (int n = 0; n < conclusions; n++) {
                Map<String, Object> meeting = new LinkedHashMap<>();
                meeting.put("type", "THEMATIC");
                meeting.put("title", "Họp chuyên đề thử tải " + (n + 1));
                meeting.put("period", lastYear + "-06");
                meeting.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString());
                meeting.put("place", "Phòng họp");
                meeting.put("chair", "Chủ tịch UBND thành phố");
                meeting.put("attendeeUnits", List.of("FIN", "ECO"));
                meeting.put("attendeePeople", List.of());
                String id = Http.json(http.expect(Http.postJson(meetingUrl + "/api/meetings", secretariat,
                        Http.write(meeting)), 201)).path("id").asText();
                List<Map<String, Object>> ds = new ArrayList<>();
                for (int d = 0; d < directives; d++) {
                    Map<String, Object> dir = new LinkedHashMap<>();
                    dir.put("title", "Nhiệm vụ " + (d + 1));
                    dir.put("content", "Chủ trì thực hiện nhiệm vụ thử tải số " + (d + 1));
                    dir.put("leadUnit", leads[d % leads.length]);
                    dir.put("coordinatingUnits", List.of());
                    dir.put("deadline", deadline.toString());
                    dir.put("ongoing", false);
                    dir.put("priority", "NORMAL");
                    dir.put("indicatorCodes", List.of());
                    ds.add(dir);
                }
                http.expect(Http.putJson(meetingUrl + "/api/meetings/" + id + "/conclusion", secretariat,
                        Http.write(Map.of("text", "Kết luận thử tải", "directives", ds))), 200, 201);
                http.expect(Http.postJson(meetingUrl + "/api/meetings/" + id + "/conclusion/publish", leader, ""), 200);
                long published = System.nanoTime();
                long limit = published + 60_000_000_000L;
                ps.setString(1, id);
                while (true) {
                    long c;
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        c = rs.getLong(1);
                    }
                    if (c >= directives) {
                        lat.recordValue(Math.max(1, (System.nanoTime() - published) / 1000));
                        break;
                    }
                    if (System.nanoTime() > limit) {
                        throw new IllegalStateException("tasks of meeting " + id + " not created within 60 s (" + c + ")");
                    }
                    Thread.sleep(pollMs);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conclusions", conclusions);
        m.put("directivesEach", directives);
        m.put("p50Ms", ms(lat, 50));
        m.put("p99Ms", ms(lat, 99));
        m.put("maxMs", ms(lat, 100));
        results.put("conclusionToTasks", m);
        log("published conclusion -> %d tasks: p50 %.1f ms, max %.1f ms", directives, ms(lat, 50), ms(lat, 100));
    }

    // ---- bulk import ---------------------------------------------------------------------------------------
    /**
     * One CSV file of bulkRows figures through POST /api/imports/figures, into two years of their own. When that
     * file fails (or does not finish within bulkTimeout), a file of bulkFallbackRows is imported too, so the run
     * still reports the import's rate.
     */
    void bulk() throws Exception {
        Map<String, Object> m = importFile(bulkRows, 2000, bulkTimeoutS); // the bench units exist from 2000
        if (!"SUCCEEDED".equals(m.get("state")) && bulkFallbackRows > 0 && bulkFallbackRows < bulkRows) {
            m.put("fallback", importFile(bulkFallbackRows, 2014, bulkTimeoutS));
        }
        results.put("bulkImport", m);
    }

    Map<String, Object> importFile(int wanted, int firstYear, double timeoutS) throws Exception {
        tokens();
        StringBuilder csv = new StringBuilder("indicatorCode,unitCode,period,version,value\n");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int n = 0;
        outer:
        for (int y = firstYear; y <= firstYear + 14; y++) {
            for (int mo = 1; mo <= 12; mo++) {
                for (int i = 1; i <= indicators; i++) {
                    for (int u = 1; u <= units; u++) {
                        if (n >= wanted) {
                            break outer;
                        }
                        n++;
                        csv.append(ind(i)).append(',').append(unit(u)).append(',').append(y).append('-')
                                .append(String.format("%02d", mo)).append(",OFFICIAL,\"")
                                .append(String.valueOf(50 + r.nextInt(1000) / 10.0).replace('.', ','))
                                .append("\"\n");
                    }
                }
            }
        }
        int rows = n;
        HttpRequest req = Http.request(indicatorUrl + "/api/imports/figures", secretariatRpt)
                .timeout(java.time.Duration.ofSeconds((long) timeoutS)).header("Content-Type", "text/csv")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
        log("bulk: CSV import of one file of %d rows (%d KB), timeout %.0f s…", rows, csv.length() / 1024, timeoutS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("bytes", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        long t = System.nanoTime();
        try (Connection db = Pg.connect(pgHostPort, dbIndicator, pgUser, pgPassword);
             WaitSampler w = new WaitSampler(db, dbIndicator)) {
            long cpu0 = Proc.cpuTicks(indicatorPid);
            bulkMeetingCpu0 = meetingPid > 0 ? Proc.cpuTicks(meetingPid) : 0;
            try {
                HttpResponse<String> resp = http.client.send(req, HttpResponse.BodyHandlers.ofString());
                m.put("status", resp.statusCode());
                String state = resp.statusCode() == 201 ? "SUCCEEDED" : null;
                int lastPercent = -1;
                java.util.List<Integer> progress = new java.util.ArrayList<>();
                if (resp.statusCode() == 202) {
                    // an import job: follow its Location until it ends
                    String location = resp.headers().firstValue("Location").orElseThrow();
                    java.net.URI uri = java.net.URI.create(indicatorUrl).resolve(location);
                    long deadline = t + (long) (timeoutS * 1e9);
                    while (state == null && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                        HttpResponse<String> st = http.client.send(Http.request(uri.toString(), secretariatRpt)
                                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                        String body = st.body();
                        java.util.regex.Matcher pm = java.util.regex.Pattern.compile("\"percent\":(\\d+)").matcher(body);
                        if (pm.find() && Integer.parseInt(pm.group(1)) != lastPercent) {
                            lastPercent = Integer.parseInt(pm.group(1));
                            progress.add(lastPercent);
                        }
                        java.util.regex.Matcher sm = java.util.regex.Pattern.compile("\"state\":\"(\\w+)\"").matcher(body);
                        if (sm.find() && !sm.group(1).equals("QUEUED") && !sm.group(1).equals("RUNNING")) {
                            state = sm.group(1);
                            if (!"SUCCEEDED".equals(state)) {
                                m.put("error", Http.abbreviate(body));
                            }
                        }
                    }
                    m.put("job", location);
                    m.put("progressSeen", progress);
                }
                double s = (System.nanoTime() - t) / 1e9;
                m.put("state", state);
                m.put("seconds", Load.round(s, 2));
                m.put("figuresPerSecond", "SUCCEEDED".equals(state) ? Load.round(rows / s, 1) : null);
                if (resp.statusCode() != 201 && resp.statusCode() != 202) {
                    m.put("error", Http.abbreviate(resp.body()));
                }
                log("bulk: %d rows in %.1f s = %.0f figures/s (status %d, job %s)", rows, s, rows / s, resp.statusCode(), state);
            } catch (java.io.IOException e) {
                double s = (System.nanoTime() - t) / 1e9;
                m.put("seconds", Load.round(s, 2));
                m.put("figuresPerSecond", null);
                m.put("error", e.toString());
                log("bulk: no answer after %.1f s: %s", s, e);
            }
            m.put("serviceCpuSeconds", Load.round((Proc.cpuTicks(indicatorPid) - cpu0) * Proc.MS_PER_TICK / 1000, 1));
            m.put("dbActiveSessionsByWait", w.summary());
        }
        return m;
    }

    // ---- history for the reads -----------------------------------------------------------------------------
    /**
     * historyYears × 12 months × indicators × units OFFICIAL figures, written straight into indicator-service's
     * figure_submission and meeting-service's read model figure_submission_view (what the import and the
     * figure-submitted events would leave there). Going through the import would take hours at its measured rate.
     */
    @SuppressWarnings("unchecked")
    void history() throws Exception {
        long t = System.nanoTime();
        int first = lastYear - historyYears + 1;
        int rows = 0;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try (Connection ind = Pg.connect(pgHostPort, dbIndicator, pgUser, pgPassword);
             Connection meet = Pg.connect(pgHostPort, dbMeeting, pgUser, pgPassword);
             PreparedStatement fi = ind.prepareStatement("""
                     insert into figure_submission (id, indicator_code, unit_code, period, period_kind, period_year, version,
                       value, year_to_date, submitted_by, submitted_at, note, on_time, outlier, channel)
                     values (?, ?, ?, ?, 'MONTH', ?, 'OFFICIAL', ?, null, 'bench-history', ?, null, true, false, 'CSV')""");
             PreparedStatement fm = meet.prepareStatement("""
                     insert into figure_submission_view (submission_id, indicator_code, indicator_name, measure_unit, nature,
                       direction, unit_code, period, version, value, submitted_at, received_at, result)
                     values (?, ?, ?, 'tỷ đồng', 'FLOW', 'HIGHER_IS_BETTER', ?, ?, 'OFFICIAL', ?, ?, ?, ?)""")) {
            ind.setAutoCommit(false);
            meet.setAutoCommit(false);
            double target = 12.0 * units * 100;
            for (int i = 1; i <= indicators; i++) {
                for (int y = first; y <= lastYear; y++) {
                    double ytd = 0;
                    for (int mo = 1; mo <= 12; mo++) {
                        String period = y + "-" + String.format("%02d", mo);
                        OffsetDateTime at = LocalDate.of(y, mo, 1).plusMonths(1).plusDays(r.nextInt(15))
                                .atTime(2, 0).atOffset(ZoneOffset.UTC);
                        double[] values = new double[units + 1];
                        double month = 0;
                        for (int u = 1; u <= units; u++) {
                            values[u] = 50 + r.nextInt(1000) / 10.0;
                            month += values[u];
                        }
                        ytd += month;
                        double attainment = ytd / target * 100;
                        double expected = mo * 100.0 / 12;
                        String line = String.format(Locale.ROOT, "{\"unitCode\":\"CITY\",\"period\":\"%s\",\"value\":%.1f,"
                                        + "\"yearToDate\":%.1f,\"target\":%.0f,\"attainmentPercent\":%.2f,\"expectedPercent\":%.2f,"
                                        + "\"samePeriodLastYear\":null,\"change\":null,\"changeKind\":\"PERCENT\",\"status\":\"%s\","
                                        + "\"currentVersion\":\"OFFICIAL\"}", period, month, ytd, target, attainment, expected,
                                attainment >= 100 ? "ACHIEVED" : attainment >= expected - 5 ? "ON_TRACK" : "BEHIND");
                        for (int u = 1; u <= units; u++) {
                            java.util.UUID id = java.util.UUID.randomUUID();
                            java.math.BigDecimal v = java.math.BigDecimal.valueOf(values[u]);
                            fi.setObject(1, id);
                            fi.setString(2, ind(i));
                            fi.setString(3, unit(u));
                            fi.setString(4, period);
                            fi.setInt(5, y);
                            fi.setBigDecimal(6, v);
                            fi.setObject(7, at);
                            fi.addBatch();
                            fm.setString(1, id.toString());
                            fm.setString(2, ind(i));
                            fm.setString(3, "Chỉ tiêu thử tải " + i);
                            fm.setString(4, unit(u));
                            fm.setString(5, period);
                            fm.setBigDecimal(6, v);
                            fm.setObject(7, at);
                            fm.setObject(8, at.plusSeconds(1));
                            fm.setString(9, line);
                            fm.addBatch();
                            rows++;
                        }
                    }
                }
                fi.executeBatch();
                fm.executeBatch();
            }
            ind.commit();
            meet.commit();
            // issue 13 (H13): meeting-service's pack lines are built from city_result and unit_result (kept by the
            // consumers from city-result-changed and figure-submitted); derive them from the rows written above.
            // Written behind the consumers' back, their ready lines (pack_line) are built by meeting-service's sweep
            // for missing lines: reads() waits for them.
            try (java.sql.Statement st = meet.createStatement()) {
                st.executeUpdate("""
                        insert into unit_result (indicator_code, unit_code, period, value, status, current_version,
                                                 submission_id, submitted_at, received_at)
                        select indicator_code, unit_code, period, value, 'NO_TARGET', version, submission_id,
                               submitted_at, received_at
                        from figure_submission_view on conflict do nothing""");
                st.executeUpdate("""
                        insert into city_result (indicator_code, period, indicator_name, measure_unit, nature, direction,
                                                 value, year_to_date, target, attainment_percent, expected_percent,
                                                 status, revision, received_at)
                        select distinct on (indicator_code, period) indicator_code, period, indicator_name, measure_unit,
                               nature, direction, (result::json->>'value')::numeric,
                               (result::json->>'yearToDate')::numeric, (result::json->>'target')::numeric,
                               (result::json->>'attainmentPercent')::numeric, (result::json->>'expectedPercent')::numeric,
                               coalesce(result::json->>'status', 'NO_TARGET'), 1, received_at
                        from figure_submission_view order by indicator_code, period, received_at desc
                        on conflict do nothing""");
            }
            meet.commit();
            try (java.sql.Statement st = ind.createStatement()) {
                st.execute("analyze figure_submission");
            }
            try (java.sql.Statement st = meet.createStatement()) {
                st.execute("analyze figure_submission_view");
                st.execute("analyze city_result");
                st.execute("analyze unit_result");
            }
            ind.setAutoCommit(true);
            meet.setAutoCommit(true);
            double seeded = (System.nanoTime() - t) / 1e9;
            log("history: %d figures (%d–%d) written into both databases in %.1f s", rows, first, lastYear, seeded);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("figures", rows);
            h.put("years", first + "–" + lastYear);
            h.put("how", "written by JDBC into indicator_bench.figure_submission and meeting_bench.figure_submission_view");
            h.put("seedSeconds", Load.round(seeded, 1));
            Map<String, Object> bulk = (Map<String, Object>) results.get("bulkImport");
            double drainS = drain(ind, meet, "after the bulk import");
            if (bulk != null) {
                bulk.put("readModelCaughtUpSecondsAfterImport", Load.round(drainS, 1));
                if (meetingPid > 0) {
                    // from the import's start until meeting-service has consumed its last figure
                    double cpuMs = (Proc.cpuTicks(meetingPid) - bulkMeetingCpu0) * Proc.MS_PER_TICK;
                    bulk.put("meetingServiceCpuSecondsToCatchUp", Load.round(cpuMs / 1000, 1));
                    bulk.put("meetingServiceCpuMsPerFigure", Load.round(cpuMs / ((Number) bulk.get("rows")).doubleValue(), 3));
                }
            }
            results.put("history", h);
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------
    void reads() throws Exception {
        tokens();
        String mr = meetingRpt;
        String ir = secretariatRpt;
        String month = lastYear + "-06";
        Load.Stats pack = new Load.Stats("pack");
        Load.Stats result = new Load.Stats("results");
        int packPid = pids.getOrDefault("meeting-service", 0);
        // the history was written behind meeting-service's consumers: wait until its pack shows every indicator
        long tw = System.nanoTime();
        String[] probe = new String[1];
        waitFor("the pack of " + month + " to show " + indicators + " indicator lines", 300, () -> {
            probe[0] = http.expect(Http.get(meetingUrl + "/api/packs/period/" + month, mr), 200);
            return Http.json(probe[0]).path("indicators").size() >= indicators;
        });
        // and, with ready lines (issue 13), until every line of the history is ready, so that nothing builds them
        // while the reads are measured
        try (Connection meet = Pg.connect(pgHostPort, dbMeeting, pgUser, pgPassword)) {
            if (Pg.count(meet, "select count(*) from pg_tables where tablename = 'pack_line'") > 0) {
                long expectedLines = (long) indicators * historyYears * 19;
                waitFor(expectedLines + " pack lines", 300,
                        () -> Pg.count(meet, "select count(*) from pack_line where indicator_code like 'BI%'") >= expectedLines);
            }
        }
        double linesReadyS = (System.nanoTime() - tw) / 1e9;
        int lines = Http.json(probe[0]).path("indicators").size();
        int unitFigures = 0;
        for (JsonNode l : Http.json(probe[0]).path("indicators")) {
            unitFigures += l.path("units").size();
        }
        log("reads: briefing pack %s (%d indicator lines, %d unit figures beneath, %d KB, ready %.1f s after the history), results of %d",
                month, lines, unitFigures, probe[0].length() / 1024, linesReadyS, lastYear);
        Load.closed(http, pack, readConcurrency, Math.min(warmupS, 5), readSeconds, 200,
                () -> Http.get(meetingUrl + "/api/packs/period/" + month, mr), packPid, 0);
        // the same run's bare comparisons on meeting-service, same token, same connections: an authenticated endpoint
        // with no database (token check + policy enforcer + HTTP), and the pack of a period with nothing in it (the
        // same read path: token, enforcer, the one query, the JSON, without lines)
        Load.Stats bare = new Load.Stats("bare");
        Load.closed(http, bare, readConcurrency, 2, Math.max(5, readSeconds / 2), 200,
                () -> Http.get(meetingUrl + "/api/me", mr), packPid, 0);
        Load.Stats empty = new Load.Stats("emptyPack");
        Load.closed(http, empty, readConcurrency, 2, Math.max(5, readSeconds / 2), 200,
                () -> Http.get(meetingUrl + "/api/packs/period/1901-06", mr), packPid, 0);
        Load.closed(http, result, readConcurrency, Math.min(warmupS, 5), readSeconds, 200, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return Http.get(indicatorUrl + "/api/results?indicator=" + ind(1 + r.nextInt(indicators)) + "&unit="
                    + unit(1 + r.nextInt(units)) + "&period=" + lastYear, ir);
        }, indicatorPid, 0);
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> p = pack.toMap();
        p.put("period", month);
        p.put("indicatorLines", lines);
        p.put("unitFiguresBeneath", unitFigures);
        p.put("bytes", probe[0].length());
        p.put("linesReadySecondsAfterHistory", Load.round(linesReadyS, 1));
        m.put("briefingPackMonth", p);
        m.put("bareAuthenticatedGet", bare.toMap());
        m.put("emptyPack", empty.toMap());
        Map<String, Object> q = result.toMap();
        q.put("period", String.valueOf(lastYear));
        m.put("resultsYear", q);
        results.put("reads", m);
        log("reads: pack p50 %.1f / p99 %.1f ms; bare GET /api/me p50 %.1f / p99 %.1f ms; empty pack p50 %.1f / p99 %.1f ms; "
                        + "results p50 %.1f / p99 %.1f ms", pack.p(50), pack.p(99), bare.p(50), bare.p(99), empty.p(50),
                empty.p(99), result.p(50), result.p(99));
    }

    // ---- targets -------------------------------------------------------------------------------------------
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> targets() {
        List<Map<String, Object>> t = new ArrayList<>();
        Map<String, Object> sub = (Map<String, Object>) results.get("submission");
        Map<String, Object> ratios = (Map<String, Object>) sub.get("ratios");
        target(t, "submission, enforcer + RPT, throughput vs bare baseline", ">= 0.5 (aim 0.8)",
                (Double) ratios.get("enforcerRptVsBaseline"), v -> v >= 0.5);
        target(t, "submission, enforcer + RPT, p99 at " + concurrency + " connections, ms", "< 100",
                (Double) ((Map<String, Object>) sub.get("enforcerRpt")).get("p99Ms"), v -> v < 100);
        if (sub.get("enforcerRptConsumersPaused") instanceof Map<?, ?> alone) {
            target(t, "submission, enforcer + RPT, meeting-service and task-service stopped (as on their own cores), throughput vs bare baseline",
                    ">= 0.5 (aim 0.8)", (Double) ratios.get("enforcerRptConsumersPausedVsBaseline"), v -> v >= 0.5);
            target(t, "submission, enforcer + RPT, meeting-service and task-service stopped, p99 at " + concurrency + " connections, ms",
                    "< 100", (Double) alone.get("p99Ms"), v -> v < 100);
        }
        target(t, "submission, enforcer + plain access token, throughput vs bare baseline", "as close as possible",
                (Double) ratios.get("enforcerAccessTokenVsBaseline"), null);
        Map<String, Object> bulk = (Map<String, Object>) results.get("bulkImport");
        target(t, "CSV import (one file of " + bulk.get("rows") + " rows), figures/s", ">= 5000",
                (Double) bulk.get("figuresPerSecond"), v -> v >= 5000);
        if (bulk.get("fallback") instanceof Map<?, ?> fb) {
            target(t, "CSV import (fallback file of " + fb.get("rows") + " rows), figures/s", ">= 5000",
                    (Double) fb.get("figuresPerSecond"), v -> v >= 5000);
        }
        Map<String, Object> ev = (Map<String, Object>) results.get("figureToBriefing");
        for (String shape : List.of("atTargetRate", "cutoffDayAtTargetRate")) {
            Map<String, Object> at = (Map<String, Object>) ev.get(shape);
            if (at == null) {
                continue;
            }
            // met only when the service really took the asked rate (an open loop that the service cannot absorb sends less)
            boolean sustained = ((Number) at.get("accepted")).doubleValue() >= 0.95 * ((Number) at.get("scheduled")).doubleValue();
            target(t, "commit -> briefing read model p99 at " + eventRate + "/s (accepted " + at.get("acceptedPerSecond")
                            + "/s" + (shape.equals("cutoffDayAtTargetRate") ? ", cut-off day: one month" : ", months spread") + "), ms",
                    "< 250 at the full rate", (Double) at.get("p99Ms"), v -> sustained && v < 250);
        }
        Map<String, Object> half = (Map<String, Object>) ev.get("atHalfCapacity");
        if (half != null) {
            target(t, "commit -> briefing read model p99 at " + half.get("ratePerSecond") + "/s (half the measured capacity), ms",
                    "(< 250)", (Double) half.get("p99Ms"), v -> v < 250);
        }
        Map<String, Object> reads = (Map<String, Object>) results.get("reads");
        target(t, "briefing pack read p99 (50-line month), ms", "< 20 (issue 13)",
                (Double) ((Map<String, Object>) reads.get("briefingPackMonth")).get("p99Ms"), v -> v < 20);
        for (Map<String, Object> f : footprint) {
            target(t, f.get("service") + " launch -> ready, s", "< 3", (Double) f.get("readySeconds"), v -> v < 3);
            target(t, f.get("service") + " RSS idle, MB", "< 200", (Double) f.get("rssIdleMb"), v -> v < 200);
        }
        return t;
    }

    static void target(List<Map<String, Object>> t, String what, String goal, Double value,
                       java.util.function.DoublePredicate met) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("target", goal);
        m.put("measured", value);
        m.put("met", met == null || value == null ? null : met.test(value));
        t.add(m);
    }

    // ---- helpers -------------------------------------------------------------------------------------------
    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(String what, double timeoutS, Check check) throws Exception {
        long limit = System.nanoTime() + (long) (timeoutS * 1e9);
        while (!check.ok()) {
            if (System.nanoTime() > limit) {
                throw new IllegalStateException("timed out after " + timeoutS + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static double round1(double v) {
        return Load.round(v, 1);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
