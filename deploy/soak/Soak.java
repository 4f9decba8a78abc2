import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak test: the three packaged services as processes of their own (ports 5608x, management 5708x, databases *_soak,
 * topics soak.<run>.*) against the local stack, under a steady mixed load for a fixed time (default 30 min), sampling
 * every service's RSS and CPU, each operation's latency and every error, minute by minute. Run it through
 * {@code deploy/soak/soak.sh}; it writes {@code deploy/soak/results/<run>/timeline.csv} and {@code summary.md}.
 * <p>
 * Load (open loop, fixed rates, whatever the answers): officers submit figures for their unit (RPT), the catalogue,
 * the tasks and the period's briefing pack are read (RPTs, and a plain access token once a second so the policy
 * enforcer asks Keycloak), the secretariat and the chair take a meeting to a published conclusion with three
 * directives every 15 s, and the lead units start and report progress on the tasks that come of them.
 */
public class Soak {

    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TASK_ASSIGNED = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^{}]*?\"leadUnit\"\\s*:\\s*\"([A-Z-]+)\"");
    static final String KEYCLOAK = "http://localhost:8180/realms/city/protocol/openid-connect/token";
    static final String[] SERVICES = {"indicator-service", "task-service", "meeting-service"};

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> pendingTasks = new ConcurrentLinkedQueue<>();
    final AtomicInteger figureNo = new AtomicInteger();
    final AtomicInteger meetingNo = new AtomicInteger();
    final AtomicLong figuresAccepted = new AtomicLong();
    final AtomicLong conclusionsPublished = new AtomicLong();
    final Map<String, Process> processes = new LinkedHashMap<>();
    final Path out;
    final String run;
    final String prefix;
    final int minutes;
    final String pgUrlBase = "jdbc:postgresql://localhost:55432/";
    final String bootstrap = System.getenv().getOrDefault("CITY_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    final Path apps;

    record Sample(long at, String op, int status, long millis) {
    }

    Soak(Path out, Path apps, int minutes) {
        this.out = out;
        this.apps = apps;
        this.minutes = minutes;
        this.run = out.getFileName().toString().replaceAll("[^0-9a-zA-Z]", "");
        this.prefix = "soak." + run + ".";
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path out = Path.of(args.length > 1 ? args[1] : "deploy/soak/results/" + Instant.now().toString().substring(0, 16).replace(':', '-'));
        Path apps = Path.of(args.length > 2 ? args[2] : "deploy/soak/target/apps");
        Files.createDirectories(out);
        Soak s = new Soak(out, apps, minutes);
        int code = 0;
        try {
            s.run();
        } catch (Exception | Error e) {
            e.printStackTrace(System.out);
            code = 1;
        } finally {
            s.stopServices();
            s.cleanUp();
        }
        System.exit(code);
    }

    void run() throws Exception {
        log("soak run %s for %d min, results in %s", run, minutes, out);
        prepare();
        startServices();
        seed();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        ExecutorService workers = Executors.newFixedThreadPool(24);
        Instant t0 = Instant.now();
        Instant end = t0.plus(Duration.ofMinutes(minutes));
        rate(ticks, workers, 6, this::figure);
        rate(ticks, workers, 3, () -> read("read-indicators", "indicator", "/api/indicators", rpt("viewer", "indicator-service")));
        rate(ticks, workers, 2, () -> read("read-tasks", "task", "/api/tasks?unit=FIN", rpt("officer-fin", "task-service")));
        rate(ticks, workers, 1, () -> read("read-pack", "meeting", "/api/packs/period/" + lastMonth(), rpt("viewer", "meeting-service")));
        rate(ticks, workers, 1, () -> read("read-plain-token", "indicator", "/api/indicators", plain("viewer")));
        rate(ticks, workers, 1, this::progress);
        ticks.scheduleAtFixedRate(() -> workers.submit(this::meeting), 1, 15, TimeUnit.SECONDS);
        ticks.scheduleAtFixedRate(() -> workers.submit(() -> { tokens.clear(); }), 4, 4, TimeUnit.MINUTES);

        Path csv = out.resolve("timeline.csv");
        Files.writeString(csv, "minute,requests,errors,non_2xx_statuses,p50_ms,p95_ms,p99_ms,max_ms,figure_p99_ms,"
                + "read_pack_p99_ms,meeting_flow_p99_ms,plain_token_p99_ms,indicator_rss_mb,task_rss_mb,meeting_rss_mb,"
                + "indicator_cpu_s,task_cpu_s,meeting_cpu_s,outbox_unsent,consumer_lag\n");
        int minute = 0;
        while (Instant.now().isBefore(end)) {
            Instant next = t0.plus(Duration.ofMinutes(minute + 1));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            minute++;
            List<Sample> window = drain();
            String row = row(minute, window);
            Files.writeString(csv, row + "\n", StandardOpenOption.APPEND);
            log("minute %d: %s", minute, row);
            for (var p : processes.entrySet()) {
                if (!p.getValue().isAlive()) {
                    throw new IllegalStateException(p.getKey() + " died during the soak");
                }
            }
        }
        ticks.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        List<Sample> rest = drain();
        log("load stopped after %d min (%d late samples)", minute, rest.size());
        summary(t0, csv);
    }

    // ---------------------------------------------------------------------------------------------------- load

    void rate(ScheduledExecutorService ticks, ExecutorService workers, int perSecond, Runnable op) {
        long period = 1_000_000 / perSecond;
        ticks.scheduleAtFixedRate(() -> workers.submit(() -> {
            try {
                op.run();
            } catch (RuntimeException e) {
                samples.add(new Sample(System.currentTimeMillis(), "client-error", -1, 0));
            }
        }), period, period, TimeUnit.MICROSECONDS);
    }

    void figure() {
        int n = figureNo.getAndIncrement();
        boolean fin = n % 2 == 0;
        String unit = fin ? "FIN" : "ECO";
        String code = n % 4 < 2 ? "SOAK_A" : "SOAK_B";
        String body = "{\"indicatorCode\":\"" + code + "\",\"unitCode\":\"" + unit + "\",\"period\":\""
                + YearMonth.of(2000, 1).plusMonths((n / 4) % 300) + "\",\"version\":\""
                + List.of("ESTIMATE", "PRELIMINARY", "OFFICIAL").get((n / 1200) % 3) + "\",\"value\":" + (100 + n % 50)
                + ",\"note\":\"soak " + n + "\"}";
        int status = call("figure", "indicator", "POST", "/api/figures", rpt(fin ? "officer-fin" : "officer-eco",
                "indicator-service"), body).statusCode();
        if (status == 201) {
            figuresAccepted.incrementAndGet();
        }
    }

    void read(String op, String service, String path, String token) {
        call(op, service, "GET", path, token, null);
    }

    void meeting() {
        long t = System.nanoTime();
        String secretariat = rpt("secretariat", "meeting-service");
        String leader = rpt("leader", "meeting-service");
        String title = "Soak " + run + " #" + meetingNo.getAndIncrement();
        String schedule = "{\"type\":\"THEMATIC\",\"title\":\"" + title + "\",\"period\":\"" + lastMonth()
                + "\",\"startsAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0)
                + "\",\"chair\":\"Chủ tịch UBND thành phố\",\"attendeeUnits\":[\"FIN\",\"ECO\"]}";
        HttpResponse<String> m = call("meeting-schedule", "meeting", "POST", "/api/meetings", secretariat, schedule);
        if (m.statusCode() != 201) {
            return;
        }
        Matcher id = ID.matcher(m.body());
        if (!id.find()) {
            return;
        }
        String meetingId = id.group(1);
        if (call("meeting-start", "meeting", "POST", "/api/meetings/" + meetingId + "/start", secretariat, null).statusCode() != 200) {
            return;
        }
        StringBuilder directives = new StringBuilder();
        for (int d = 0; d < 3; d++) {
            directives.append(d == 0 ? "" : ",").append("{\"title\":\"").append(title).append(" chỉ đạo ").append(d)
                    .append("\",\"content\":\"Chủ trì tổ chức thực hiện\",\"leadUnit\":\"").append(d % 2 == 0 ? "FIN" : "ECO")
                    .append("\",\"coordinatingUnits\":[],\"deadline\":\"").append(LocalDate.now().plusDays(20 + d))
                    .append("\",\"ongoing\":false,\"priority\":\"HIGH\",\"indicatorCodes\":[]}");
        }
        if (call("meeting-conclusion", "meeting", "PUT", "/api/meetings/" + meetingId + "/conclusion", leader,
                "{\"text\":\"Kết luận\",\"directives\":[" + directives + "]}").statusCode() != 200) {
            return;
        }
        if (call("meeting-publish", "meeting", "POST", "/api/meetings/" + meetingId + "/conclusion/publish", leader, null)
                .statusCode() == 200) {
            conclusionsPublished.incrementAndGet();
            pendingTasks.add(meetingId);
            samples.add(new Sample(System.currentTimeMillis(), "meeting-flow", 200, (System.nanoTime() - t) / 1_000_000));
        }
    }

    /** The lead unit starts a task of a concluded meeting and reports progress on it. */
    void progress() {
        String meetingId = pendingTasks.poll();
        if (meetingId == null) {
            return;
        }
        HttpResponse<String> list = call("read-meeting-tasks", "task", "GET", "/api/tasks?meetingId=" + meetingId,
                rpt("leader", "task-service"), null);
        Matcher m = TASK_ASSIGNED.matcher(list.body() == null ? "" : list.body());
        int found = 0;
        while (m.find()) {
            found++;
            String officer = m.group(2).equals("FIN") ? "officer-fin" : "officer-eco";
            String task = m.group(1);
            if (call("task-start", "task", "POST", "/api/tasks/" + task + "/start", rpt(officer, "task-service"), null)
                    .statusCode() == 200) {
                call("task-progress", "task", "POST", "/api/tasks/" + task + "/progress", rpt(officer, "task-service"),
                        "{\"percent\":40,\"text\":\"Đã triển khai 40%\"}");
            }
        }
        if (found == 0 && list.statusCode() == 200) {
            pendingTasks.add(meetingId); // its tasks are not there yet (conclusion → tasks is asynchronous)
        }
    }

    HttpResponse<String> call(String op, String service, String method, String path, String token, String body) {
        int port = 56080 + Arrays.asList(SERVICES).indexOf(service + "-service") + 1;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            samples.add(new Sample(System.currentTimeMillis(), op, r.statusCode(), (System.nanoTime() - t) / 1_000_000));
            return r;
        } catch (IOException e) {
            samples.add(new Sample(System.currentTimeMillis(), op, -1, (System.nanoTime() - t) / 1_000_000));
            return failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed();
        }
    }

    // ------------------------------------------------------------------------------------------------ tokens

    String plain(String user) {
        String t = tokens.get(user);
        if (t == null) {
            t = token("grant_type=password&client_id=city-cli&username=" + user + "&password=" + user, null);
            tokens.put(user, t);
        }
        return t;
    }

    String rpt(String user, String audience) {
        String key = user + "@" + audience;
        String t = tokens.get(key);
        if (t == null) {
            t = token("grant_type=urn:ietf:params:oauth:grant-type:uma-ticket&audience=" + audience, plain(user));
            tokens.put(key, t);
        }
        return t;
    }

    String token(String form, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(KEYCLOAK)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no token from Keycloak: " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- measurements

    List<Sample> drain() {
        List<Sample> out = new ArrayList<>();
        Sample s;
        while ((s = samples.poll()) != null) {
            out.add(s);
        }
        return out;
    }

    String row(int minute, List<Sample> window) {
        List<Sample> requests = window.stream().filter(s -> !s.op().equals("meeting-flow")).toList();
        long errors = requests.stream().filter(s -> s.status() < 0 || s.status() >= 500).count();
        Map<Integer, Integer> non2xx = new TreeMap<>();
        requests.stream().filter(s -> s.status() < 200 || s.status() >= 300)
                .forEach(s -> non2xx.merge(s.status(), 1, Integer::sum));
        String statuses = non2xx.isEmpty() ? "-" : non2xx.toString().replace(",", ";").replace(" ", "");
        long[] rss = new long[3];
        double[] cpu = new double[3];
        for (int i = 0; i < 3; i++) {
            long pid = processes.get(SERVICES[i]).pid();
            rss[i] = rssMb(pid);
            cpu[i] = cpuSeconds(pid);
        }
        return String.join(",", List.of(Integer.toString(minute), Integer.toString(requests.size()), Long.toString(errors),
                statuses, pct(requests, 50), pct(requests, 95), pct(requests, 99), pct(requests, 100),
                pct(op(window, "figure"), 99), pct(op(window, "read-pack"), 99), pct(op(window, "meeting-flow"), 99),
                pct(op(window, "read-plain-token"), 99), Long.toString(rss[0]), Long.toString(rss[1]),
                Long.toString(rss[2]), String.format("%.1f", cpu[0]), String.format("%.1f", cpu[1]),
                String.format("%.1f", cpu[2]), Long.toString(outboxUnsent()), Long.toString(lag())));
    }

    static List<Sample> op(List<Sample> all, String op) {
        return all.stream().filter(s -> s.op().equals(op)).toList();
    }

    static String pct(List<Sample> samples, double p) {
        long[] ms = samples.stream().mapToLong(Sample::millis).sorted().toArray();
        if (ms.length == 0) {
            return "";
        }
        int i = (int) Math.ceil(p / 100.0 * ms.length) - 1;
        return Long.toString(ms[Math.max(0, Math.min(ms.length - 1, i))]);
    }

    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, clock ticks of 1/100 s
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long outboxUnsent() {
        long total = 0;
        for (String s : SERVICES) {
            total += count(db(s), "select count(*) from outbox_event where sent_at is null");
        }
        return total;
    }

    long lag() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long lag = 0;
        try (Admin admin = Admin.create(props)) {
            for (String svc : List.of("task-service", "meeting-service")) {
                List<String> topics = svc.equals("task-service") ? List.of("meeting-events", "indicator-events")
                        : List.of("indicator-events", "task-events");
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (String t : topics) {
                    for (int p = 0; p < 3; p++) {
                        ends.put(new TopicPartition(prefix + t, p), OffsetSpec.latest());
                    }
                }
                var latest = admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(prefix + svc)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (var e : latest.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    lag += e.getValue().offset() - (c == null ? 0 : c.offset());
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return lag;
    }

    // ------------------------------------------------------------------------------------------------ summary

    void summary(Instant t0, Path csv) throws Exception {
        Instant until = Instant.now().plusSeconds(180);
        while ((outboxUnsent() != 0 || lag() != 0) && Instant.now().isBefore(until)) {
            Thread.sleep(1000);
        }
        long figuresStored = count(db("indicator-service"), "select count(*) from figure_submission where indicator_code like 'SOAK_%'");
        long figureViews = count(db("meeting-service"), "select count(*) from figure_submission_view where indicator_code like 'SOAK_%'");
        long meetingInboxFigures = count(db("meeting-service"), "select count(*) from inbox_event where event_type = 'city.indicator.figure-submitted.v1'");
        long published = count(db("meeting-service"), "select count(*) from conclusion where published_at is not null");
        long tasks = count(db("task-service"), "select count(*) from task");
        long taskViews = count(db("meeting-service"), "select count(*) from task_view");
        long produced = 0;
        for (String s : SERVICES) {
            produced += count(db(s), "select count(*) from outbox_event");
        }
        List<String> rows = Files.readAllLines(csv);
        StringBuilder md = new StringBuilder();
        md.append("# Soak run ").append(run).append("\n\n")
                .append("Started ").append(t0).append(", ").append(minutes).append(" min of steady mixed load, then ")
                .append("catch-up and accounting. Machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, shared with other engineers' builds and tests (noise). Services: packaged jars, ")
                .append("`-Xmx256m`, ports 5608x, databases `*_soak`, topics `").append(prefix).append("*`.\n\n")
                .append("Load a second: 6 figure submissions (RPT), 3 catalogue reads, 2 task-list reads, 1 briefing-pack ")
                .append("read, 1 catalogue read with a plain access token (the enforcer asks Keycloak), 1 task start+progress; ")
                .append("every 15 s a meeting taken to a published conclusion with 3 directives.\n\n")
                .append("## Accounting after the load\n\n")
                .append("| what | count |\n|---|---|\n")
                .append("| figures accepted (201) | ").append(figuresAccepted.get()).append(" |\n")
                .append("| figures stored (indicator-service) | ").append(figuresStored).append(" |\n")
                .append("| figure events applied by meeting-service (inbox) | ").append(meetingInboxFigures).append(" |\n")
                .append("| figure read-model rows (meeting-service) | ").append(figureViews).append(" |\n")
                .append("| conclusions published | ").append(published).append(" (answered 200: ").append(conclusionsPublished.get()).append(") |\n")
                .append("| tasks created (task-service) | ").append(tasks).append(" (3 a conclusion: ").append(published * 3).append(") |\n")
                .append("| task read-model rows (meeting-service) | ").append(taskViews).append(" |\n")
                .append("| events produced (all outboxes) | ").append(produced).append(" |\n")
                .append("| outbox unsent / consumer lag at the end | ").append(outboxUnsent()).append(" / ").append(lag()).append(" |\n\n")
                .append("## Minute by minute\n\n")
                .append("Latencies in ms over every request of the minute; RSS in MB; CPU = cumulative seconds of CPU.\n\n");
        String[] header = rows.get(0).split(",");
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        md.append("---|".repeat(header.length)).append("\n");
        for (String r : rows.subList(1, rows.size())) {
            md.append("| ").append(String.join(" | ", r.split(",", -1))).append(" |\n");
        }
        Files.writeString(out.resolve("summary.md"), md.toString());
        log("summary written to %s", out.resolve("summary.md"));
    }

    // ------------------------------------------------------------------------------------------ set-up, tear-down

    String db(String service) {
        return service.replace("-service", "") + "_soak";
    }

    long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(pgUrlBase + database, "city", "city");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    void prepare() throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrlBase + "postgres", env("CITY_PG_SUPERUSER", "postgres"),
                env("CITY_PG_PASSWORD", "postgres")); Statement st = c.createStatement()) {
            for (String s : SERVICES) {
                st.execute("drop database if exists " + db(s) + " with (force)");
                st.execute("create database " + db(s) + " owner city encoding 'UTF8'");
            }
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of("indicator-events", "task-events", "meeting-events", "task-service.dlq", "meeting-service.dlq")) {
                topics.add(new NewTopic(prefix + t, 3, (short) 1));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
        log("databases *_soak and topics %s* ready", prefix);
    }

    void startServices() throws Exception {
        Instant t0 = Instant.now();
        for (int i = 0; i < 3; i++) {
            String svc = SERVICES[i];
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m"));
            Map<String, String> p = new LinkedHashMap<>();
            p.put("quarkus.http.port", Integer.toString(56081 + i));
            p.put("quarkus.management.port", Integer.toString(57081 + i));
            p.put("quarkus.datasource.reactive.url", "postgresql://localhost:55432/" + db(svc));
            p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:55432/" + db(svc));
            p.put("quarkus.datasource.username", "city");
            p.put("quarkus.datasource.password", "city");
            p.put("quarkus.datasource.reactive.max-size", "10");
            p.put("quarkus.oidc.credentials.secret", svc + "-secret");
            p.put("city.outbox.topic", prefix + svc.replace("-service", "") + "-events");
            p.put("quarkus.log.console.color", "false");
            List<String> incoming = svc.equals("task-service") ? List.of("meeting-events", "indicator-events")
                    : svc.equals("meeting-service") ? List.of("indicator-events", "task-events") : List.of();
            for (String ch : incoming) {
                String k = "mp.messaging.incoming." + ch + ".";
                p.put(k + "topic", prefix + ch);
                p.put(k + "group.id", prefix + svc);
                p.put(k + "dead-letter-queue.topic", prefix + svc + ".dlq");
            }
            p.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.add("-jar");
            cmd.add(apps.resolve(svc).resolve("quarkus-run.jar").toString());
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(out.resolve(svc + ".log").toFile())).start();
            processes.put(svc, proc);
        }
        for (int i = 0; i < 3; i++) {
            URI ready = URI.create("http://localhost:" + (57081 + i) + "/q/health/ready");
            Instant deadline = Instant.now().plusSeconds(120);
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline) || !processes.get(SERVICES[i]).isAlive()) {
                    throw new IllegalStateException(SERVICES[i] + " not ready; see " + out.resolve(SERVICES[i] + ".log"));
                }
                Thread.sleep(250);
            }
        }
        log("three services ready in %d s", Duration.between(t0, Instant.now()).toSeconds());
    }

    void seed() throws Exception {
        for (String code : List.of("SOAK_A", "SOAK_B")) {
            String body = "{\"code\":\"" + code + "\",\"name\":\"Chỉ tiêu soak " + code + "\",\"measureUnit\":\"tấn\","
                    + "\"nature\":\"FLOW\",\"direction\":\"HIGHER_IS_BETTER\",\"ownerUnit\":\"FIN\",\"category\":\"Soak\","
                    + "\"active\":true,\"reportingUnits\":[\"FIN\",\"ECO\"]}";
            HttpResponse<String> r = call("seed", "indicator", "POST", "/api/indicators", rpt("secretariat", "indicator-service"), body);
            if (r.statusCode() != 201) {
                throw new IllegalStateException("could not create " + code + ": " + r.statusCode() + " " + r.body());
            }
        }
        drain();
        // the consumers know the indicators and units before the load starts
        Instant until = Instant.now().plusSeconds(60);
        while (lag() != 0 && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
        log("seeded: indicators SOAK_A, SOAK_B (reported by FIN and ECO)");
    }

    void stopServices() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    void cleanUp() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<String> topics = new ArrayList<>();
            for (String t : List.of("indicator-events", "task-events", "meeting-events", "task-service.dlq", "meeting-service.dlq")) {
                topics.add(prefix + t);
            }
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(prefix + "task-service", prefix + "meeting-service")).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("could not delete the soak topics: %s", e);
        }
        log("topics %s* deleted; databases *_soak kept for inspection until the next run", prefix);
    }

    static String lastMonth() {
        return YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1).toString();
    }

    static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    static HttpResponse<String> failed() {
        return new HttpResponse<>() {
            public int statusCode() { return -1; }
            public HttpRequest request() { return null; }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
            public String body() { return ""; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
            public URI uri() { return null; }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }

    static void log(String format, Object... args) {
        System.out.println("[soak " + Instant.now().toString().substring(11, 19) + "] " + String.format(format, args));
    }
}
