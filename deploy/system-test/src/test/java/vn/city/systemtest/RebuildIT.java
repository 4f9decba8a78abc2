package vn.city.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.city.systemtest.ServiceProcesses.Instance;
import vn.city.systemtest.ServiceProcesses.Service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * meeting-service's read models rebuilt from the retained topics into an empty database with the operator command
 * ({@code deploy/ops/rebuild-read-model.sh}, run here through its Java program with the suite's topics and database
 * server) equal the live ones: every read-model table row for row (all columns but the time of receipt), and the
 * period's briefing pack (figures, targets, attainment, tasks by unit, carry-over) served from the rebuilt database
 * equals the one served from the live database.
 */
class RebuildIT {

    static final String REBUILT = "meeting_st_rebuilt";
    static Instance rebuiltService;

    @AfterAll
    static void cleanUp() {
        if (rebuiltService != null) {
            ServiceProcesses.get().stop(rebuiltService);
        }
        try (Connection c = DriverManager.getConnection(StackConfig.jdbcUrl("postgres"), StackConfig.PG_SUPERUSER,
                StackConfig.PG_SUPERPASS); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + REBUILT + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop " + REBUILT + ": " + e);
        }
    }

    @Test
    void readModelRebuiltFromTheLogIntoAnEmptyDatabaseEqualsTheLiveOne() throws Exception {
        ServiceProcesses p = ServiceProcesses.get();
        String period = Steps.lastMonth();
        int year = Integer.parseInt(period.substring(0, 4));
        String code = "ST_REBUILD_" + Steps.suffix();
        Steps.createIndicator(code, "Chỉ tiêu kiểm thử dựng lại", "tỷ đồng", "FIN", List.of("FIN", "ECO"));
        Steps.setTarget(code, year, "1200");
        Steps.submit("officer-fin", code, "FIN", period, "40", null);
        Steps.submit("officer-eco", code, "ECO", period, "55", null);
        List<Map<String, Object>> directives = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            directives.add(Steps.directive("Dựng lại " + code + " #" + i, i % 2 == 0 ? "FIN" : "ECO",
                    i == 3 ? LocalDate.now().minusDays(3) : LocalDate.now().plusDays(10 + i), List.of(code)));
        }
        UUID meeting = Steps.briefingWithDirectives("Giao ban dựng lại " + code, period, directives);
        await("the conclusion's tasks").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.count(Service.TASK, "select count(*) from task where source_meeting_id = ?", meeting.toString()) == 4);
        List<String> tasks = Db.strings(Service.TASK, "select id::text from task where source_meeting_id = ? order by title",
                meeting.toString());
        Steps.work("officer-fin", tasks.get(0), 100, true);
        Steps.work("officer-eco", tasks.get(1), 50, false);
        for (Service s : Service.values()) {
            await(s.module + " published everything").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> Db.count(s, "select count(*) from outbox_event where sent_at is null") == 0);
        }
        Kafka.awaitCaughtUp(Duration.ofSeconds(90), Service.MEETING);
        await("the live read model has the tasks' progress").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Db.count(Service.MEETING, "select count(*) from task_view where source_meeting_id = ?::uuid"
                        + " and status in ('DONE', 'IN_PROGRESS')", meeting.toString()) == 2);

        // the rebuild, with the operator's command
        long t0 = System.nanoTime();
        Path jar = StackConfig.targetDir().resolve("apps/meeting-service/quarkus-run.jar");
        OpsCommand.Outcome rebuild = OpsCommand.run("ReadModelRebuild", List.of(
                "--jar", jar.toString(), "--channels", "indicator-events,task-events", "--target-db", REBUILT, "--replace",
                "--group", Service.MEETING.group(), "--topic-prefix", StackConfig.TOPIC_PREFIX,
                "--since", Infrastructure.preparedAt.toString(),
                "--pg-host", "localhost", "--pg-port", Integer.toString(StackConfig.PG_PORT),
                "--pg-user", StackConfig.PG_USER, "--pg-password", StackConfig.PG_PASSWORD,
                "--pg-superuser", StackConfig.PG_SUPERUSER, "--pg-superpassword", StackConfig.PG_SUPERPASS,
                "--bootstrap", StackConfig.KAFKA, "--timeout-seconds", "240",
                "--set", "quarkus.oidc.credentials.secret=meeting-service-secret",
                "--log", StackConfig.targetDir().resolve("processes/meeting-service-rebuild.log").toString()), 300);
        long rebuildMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        String group = rebuild.output().lines().filter(l -> l.startsWith("GROUP=")).findFirst()
                .orElseThrow(() -> new AssertionError("no GROUP= line: " + rebuild.output())).substring(6);

        // every read-model table, row for row
        Map<String, String> differences = new LinkedHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : Db.strings(Service.MEETING, "select table_name from information_schema.tables where"
                + " table_schema = 'public' and table_type = 'BASE TABLE' and table_name like '%\\_view' order by 1")) {
            String live = digest(Service.MEETING.database, table);
            String rebuilt = digest(REBUILT, table);
            rows.put(table, count(Service.MEETING.database, table) + "/" + count(REBUILT, table));
            if (!live.equals(rebuilt)) {
                differences.put(table, live + " vs " + rebuilt);
            }
        }

        // the packs, served from each database
        Map<String, String> rebuiltConfig = new HashMap<>();
        rebuiltConfig.put("quarkus.datasource.jdbc.url", StackConfig.jdbcUrl(REBUILT));
        rebuiltConfig.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + StackConfig.PG_PORT + "/" + REBUILT);
        rebuiltConfig.put("city.outbox.relay-enabled", "false");
        for (String channel : Service.MEETING.incoming) {
            rebuiltConfig.put("mp.messaging.incoming." + channel + ".group.id", group);
        }
        rebuiltService = p.start(Service.MEETING, 2, rebuiltConfig);
        JsonNode livePack = withoutAsOf(Api.expect(Api.as("viewer", p.base(Service.MEETING))
                .get("/api/packs/period/" + period), 200));
        JsonNode rebuiltPack = withoutAsOf(Api.expect(Api.as("viewer", rebuiltService)
                .get("/api/packs/period/" + period), 200));
        JsonNode liveTasks = Api.expect(Api.as("viewer", p.base(Service.MEETING)).get("/api/packs/period/" + period), 200)
                .path("units");
        Figures.record("rebuild", "meeting-service read models rebuilt into an empty database in %d ms (command output: %s); "
                        + "rows live/rebuilt %s; tables differing %d %s; period %s pack: %d indicator lines, %d units with "
                        + "tasks, equal=%s",
                rebuildMs, rebuild.output().lines().filter(l -> l.contains("REBUILT")).findFirst().orElse("?"), rows,
                differences.size(), differences, period, livePack.path("indicators").size(), liveTasks.size(),
                livePack.equals(rebuiltPack));
        assertThat(differences).as("read-model tables that differ").isEmpty();
        assertThat(rebuiltPack).as("the period's pack from the rebuilt database").isEqualTo(livePack);
        assertThat(livePack.path("indicators").toString()).contains(code);
        assertThat(liveTasks.toString()).contains(tasks.get(0)).contains(tasks.get(1));
    }

    private static JsonNode withoutAsOf(JsonNode pack) {
        ObjectNode copy = pack.deepCopy();
        copy.remove("asOf");
        return copy;
    }

    /** md5 of the table's rows (every column but the time each was received), in a stable order. */
    static String digest(String database, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(StackConfig.jdbcUrl(database), StackConfig.PG_USER,
                StackConfig.PG_PASSWORD); Statement st = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select column_name from information_schema.columns where table_schema"
                    + " = 'public' and table_name = '" + table + "' and column_name not in ('received_at') order by column_name")) {
                while (rs.next()) {
                    columns.add("\"" + rs.getString(1) + "\"");
                }
            }
            String row = "concat_ws('|', " + String.join(", ", columns.stream().map(col -> "coalesce(" + col + "::text, '∅')").toList()) + ")";
            try (ResultSet rs = st.executeQuery("select coalesce(md5(string_agg(r, E'\\n' order by r)), 'empty') from"
                    + " (select " + row + " as r from \"" + table + "\") x")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static long count(String database, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(StackConfig.jdbcUrl(database), StackConfig.PG_USER,
                StackConfig.PG_PASSWORD); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
