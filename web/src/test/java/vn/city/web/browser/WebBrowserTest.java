package vn.city.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web as people use it: a real Chromium through the real Keycloak login page, against the real services (as
 * processes, {@link ServiceStack}). The scenarios follow one briefing: an officer reports a figure and sees it on the
 * dashboard and in the pack; a refused value is explained beside its field; the secretariat drafts the conclusion,
 * the leader publishes it, and the lead unit reports progress on the task it became; a viewer sees no write action;
 * an anonymous visitor lands on the login page.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceStack.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    static final String INDICATOR = ServiceStack.api("indicator-service");
    static final String MEETING = ServiceStack.api("meeting-service");
    static final String PERIOD = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    static String meetingId;

    @BeforeAll
    static void chromiumIsInstalledAndABriefingIsScheduled() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and its driver are not installed: apt-get install "
                + "chromium chromium-driver (deploy/local/test.sh does it when run as root)");
        int year = YearMonth.parse(PERIOD).getYear();
        Api.post("secretariat", INDICATOR + "/api/targets", Map.of("indicatorCode", "BUDGET_REVENUE", "year", year,
                "value", 5000, "kind", "RESOLUTION", "documentNumber", "2888/QĐ-UBND",
                "documentDate", (year - 1) + "-12-20"), 200);
        JsonNode meeting = Api.post("secretariat", MEETING + "/api/meetings", Map.of(
                "type", "MONTHLY_BRIEFING", "title", "Họp giao ban " + label(PERIOD), "period", PERIOD,
                "startsAt", OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).withNano(0).toString(),
                "place", "Phòng họp UBND thành phố", "chair", "Chủ tịch UBND thành phố",
                "attendeeUnits", List.of("FIN", "ECO", "W-SONGCAU")), 201);
        meetingId = meeting.path("id").asText();
        JsonNode item = Api.post("secretariat", MEETING + "/api/meetings/" + meetingId + "/items", Map.of(
                "kind", "FOR_OPINION", "title", "Dự thảo Quyết định ban hành quy định chức năng, nhiệm vụ của phòng Tài nguyên – Môi trường",
                "presentingUnit", "ENV", "documentKind", "Dự thảo quyết định", "documentRef", "DT-01"), 201);
        assertThat(item.isNull()).isFalse();
    }

    @Test
    @Order(1)
    void anAnonymousVisitorLandsOnTheKeycloakLoginPage() {
        try (Browser b = new Browser(1366)) {
            b.go("/tong-quan");
            assertThat(b.driver.getCurrentUrl()).startsWith("http://localhost:8180/realms/city/protocol/openid-connect/auth")
                    .contains("client_id=city-web").contains("code_challenge_method=S256");
            assertThat(b.all("#kc-form-login")).hasSize(1);
        }
    }

    @Test
    @Order(2)
    void anOfficerEntersAFigureAndSeesItOnTheDashboardAndInThePack() {
        try (Browser b = new Browser(1366)) {
            b.open("/nhap-so-lieu", "officer-fin");
            assertThat(b.text("h1")).contains("Phòng Tài chính – Kế hoạch");
            assertThat(b.text("#han-nop")).contains("hạn nộp");
            b.type("#v-BUDGET_REVENUE", "1.739,5");
            b.submit("#form-so-lieu");
            assertThat(b.text("[role=status]")).contains("Đã lưu 1 số liệu");
            assertThat(b.text("#dong-BUDGET_REVENUE")).contains("1.739,5");

            b.go("/tong-quan");
            assertThat(b.text("#ct-BUDGET_REVENUE .value")).contains("1.739,5");
            assertThat(b.text("#ct-BUDGET_REVENUE .ytd")).contains("1.739,5");
            assertThat(b.all("#ct-BUDGET_REVENUE svg.chart")).hasSize(1);

            // the pack is meeting-service's read model, fed by indicator-events: it shows the figure once consumed
            await("figure in the briefing pack").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        b.go("/giao-ban/" + meetingId);
                        return b.all("#pl-BUDGET_REVENUE").stream().anyMatch(e -> e.getText().contains("1.739,5"));
                    });
            b.go("/giao-ban/" + meetingId + "?chi-tiet=BUDGET_REVENUE");
            assertThat(b.find("#pl-BUDGET_REVENUE a").getAttribute("href")).endsWith("chi-tiet=BUDGET_REVENUE#pl-BUDGET_REVENUE");
            assertThat(b.text("tr.breakdown")).contains("Phòng Tài chính – Kế hoạch").contains("1.739,5");
        }
    }

    @Test
    @Order(3)
    void aRefusedValueShowsItsMessageBesideTheFieldAndTheFormKeepsWhatWasTyped() {
        try (Browser b = new Browser(390)) {
            b.open("/nhap-so-lieu", "officer-fin");
            b.type("#v-BUDGET_SPENDING", "mười hai");
            b.type("#v-INCOME_PER_HEAD", "22,36");
            b.submit("#form-so-lieu");
            assertThat(b.find("#v-BUDGET_SPENDING").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.find("#v-BUDGET_SPENDING").getAttribute("value")).isEqualTo("mười hai");
            assertThat(b.find("#v-BUDGET_SPENDING").getAttribute("aria-describedby")).contains("e-BUDGET_SPENDING");
            assertThat(b.text("#e-BUDGET_SPENDING")).contains("Không phải là số");
            assertThat(b.text("#loi-chung")).contains("chưa được lưu");
            // the valid one of the same form was stored
            assertThat(b.text("#dong-INCOME_PER_HEAD")).contains("22,36");
        }
    }

    @Test
    @Order(3)
    void aCsvUploadShowsItsProgressAndEachRefusedRow() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("so-lieu-", ".csv");
        java.nio.file.Files.writeString(csv, "indicatorCode,unitCode,period,version,value\n"
                + "BUDGET_SPENDING,FIN," + PERIOD + ",ESTIMATE,215\n"
                + "BUDGET_SPENDING,FIN," + PERIOD + ",ESTIMATE,abc\n");
        try (Browser b = new Browser(1366)) {
            b.open("/nhap-so-lieu", "officer-fin");
            b.find("#tep").sendKeys(csv.toString());
            b.find("#csv-form button[type=submit]").click();
            // the script posts it with a progress bar and puts the answer in place, without leaving the page
            b.wait(30).until(d -> !d.findElements(By.cssSelector("#import-result table")).isEmpty());
            assertThat(b.text("#import-result")).contains("Tệp chưa được nhập");
            assertThat(b.all("#import-result tbody tr")).hasSize(1);
            assertThat(b.text("#import-result tbody tr")).contains("value");
        } finally {
            java.nio.file.Files.deleteIfExists(csv);
        }
    }

    /** A file above indicator-service's 64 KiB becomes an import job: 1,008 monthly figures of past years. */
    static java.nio.file.Path largeCsv(String badValueOnLine) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("indicatorCode,unitCode,period,version,value,note\n");
        int line = 1;
        for (YearMonth m = YearMonth.of(1998, 1); m.getYear() < 2026; m = m.plusMonths(1)) {
            for (String code : List.of("BUDGET_REVENUE", "BUDGET_SPENDING", "INCOME_PER_HEAD")) {
                line++;
                String value = String.valueOf(line).equals(badValueOnLine) ? "không rõ" : "\"" + (100 + line % 90) + ",5\"";
                csv.append(code).append(",FIN,").append(m).append(",OFFICIAL,").append(value)
                        .append(",số liệu quyết toán nhập lại từ hồ sơ lưu trữ của Phòng Tài chính – Kế hoạch\n");
            }
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("so-lieu-lon-", ".csv");
        java.nio.file.Files.writeString(file, csv);
        assertThat(java.nio.file.Files.size(file)).isGreaterThan(64 * 1024);
        return file;
    }

    @Test
    @Order(3)
    void aLargeCsvBecomesAnImportJobWhoseProgressAndRefusedRowsTheOfficerFollowsWithoutJavaScript() throws Exception {
        java.nio.file.Path csv = largeCsv("500");
        try (Browser b = new Browser(390, false)) {
            b.open("/nhap-so-lieu", "officer-fin");
            b.find("#tep").sendKeys(csv.toString());
            b.submit("#csv-form");
            // the job's status page, refreshing itself every 2 s until the job is done
            assertThat(b.driver.getCurrentUrl()).contains("/nhap-so-lieu/tep/").contains("tong=1008");
            b.wait(60).until(d -> "true".equals(d.findElement(By.id("import-status")).getAttribute("data-done")));
            assertThat(b.text("#import-phase")).contains("Tệp chưa được nhập").contains("1/1008 dòng có lỗi");
            assertThat(b.all("#import-status tbody tr")).hasSize(1);
            assertThat(b.text("#import-status tbody tr")).contains("500").contains("value").doesNotContain("valueText").contains("Không phải là số");
        } finally {
            java.nio.file.Files.deleteIfExists(csv);
        }
    }

    @Test
    @Order(3)
    void aLargeCsvImportShowsRowsDoneOfTotalInPlaceAndTheImportedFigures() throws Exception {
        java.nio.file.Path csv = largeCsv("none");
        try (Browser b = new Browser(1366)) {
            b.open("/nhap-so-lieu", "officer-fin");
            b.find("#tep").sendKeys(csv.toString());
            b.find("#csv-form button[type=submit]").click();
            // the script uploads it, then reads the job's status each second in place, without leaving the page
            b.wait(60).until(d -> !d.findElements(By.cssSelector("#import-result #import-status[data-done=true]")).isEmpty());
            assertThat(b.driver.getCurrentUrl()).doesNotContain("/tep/");
            assertThat(b.text("#import-phase")).contains("đã nhập 1008 số liệu").contains("1008/1008 dòng");
            assertThat(b.find("#import-bar").getAttribute("value")).isEqualTo("100");
            b.go("/nhap-so-lieu?ky=2025-12");
            assertThat(b.text("#dong-BUDGET_REVENUE")).contains("Chính thức");
        } finally {
            java.nio.file.Files.deleteIfExists(csv);
        }
    }

    @Test
    @Order(4)
    void theSecretariatDraftsTheConclusionTheLeaderPublishesItAndTheLeadUnitReportsProgress() {
        String deadline = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).toString();
        try (Browser b = new Browser(1366)) {
            b.open("/giao-ban/" + meetingId, "secretariat");
            b.type("#kl-noi-dung", "Các phòng, ban tập trung đẩy mạnh thu ngân sách ngay từ những tháng cuối năm.");
            b.type("#d0-tieu-de", "Đẩy mạnh thu ngân sách");
            b.type("#d0-noi-dung", "Rà soát nguồn thu, đôn đốc thu nợ đọng thuế trên địa bàn.");
            new org.openqa.selenium.support.ui.Select(b.find("#d0-chu-tri")).selectByValue("FIN");
            setDate(b, "#d0-han", deadline);
            b.submit("#form-ket-luan");
            assertThat(b.text("[role=status]")).contains("Đã lưu dự thảo kết luận");
            assertThat(b.text("#ket-luan")).contains("Dự thảo").contains("Đẩy mạnh thu ngân sách");
            assertThat(b.all("#form-cong-bo")).as("only a leader publishes").isEmpty();
        }
        try (Browser b = new Browser(1366)) {
            b.open("/giao-ban/" + meetingId, "leader");
            b.submit("#form-cong-bo");
            assertThat(b.text("[role=status]")).contains("Đã ban hành");
            assertThat(b.text("#ket-luan")).contains("Đã ban hành");
        }
        try (Browser b = new Browser(390)) {
            b.open("/nhiem-vu", "officer-fin");
            // task-service makes the task from meeting-concluded (Kafka)
            await("task from the published conclusion").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        b.go("/nhiem-vu");
                        return b.all("table.tasks a").stream().anyMatch(a -> a.getText().contains("Đẩy mạnh thu ngân sách"));
                    });
            b.go(b.driver.findElement(By.linkText("Đẩy mạnh thu ngân sách")).getAttribute("href").replace(Browser.BASE, ""));
            b.type("#phan-tram", "40");
            b.type("#noi-dung", "Đã rà soát 12/20 nguồn thu; thu nợ đọng đạt 1,2 tỷ đồng.");
            b.submit("#form-tien-do");
            assertThat(b.text("[role=status]")).contains("Đã báo cáo tiến độ");
            assertThat(b.text("#tien-do-nv")).isEqualTo("40%");
            assertThat(b.text(".progress-list")).contains("Đã rà soát 12/20 nguồn thu");
        }
    }

    @Test
    @Order(5)
    void aViewerSeesNoWriteAction() {
        try (Browser b = new Browser(1366)) {
            b.open("/tong-quan", "viewer");
            assertThat(b.text("nav")).doesNotContain("Nhập số liệu");
            for (String page : List.of("/tong-quan", "/giao-ban", "/giao-ban/" + meetingId, "/nhiem-vu")) {
                b.go(page);
                assertThat(b.all("form[method=post]")).as("write forms on " + page).isEmpty();
            }
            b.go("/nhap-so-lieu");
            assertThat(b.all("form[method=post] button")).as("a viewer's entry form").isEmpty();
        }
    }

    @Test
    @Order(5)
    void loggingOutEndsTheSessionSoTheNextPageIsTheLoginPage() {
        try (Browser b = new Browser(390)) {
            b.open("/nhiem-vu", "leader");
            assertThat(b.find(".who .user").getAttribute("data-user")).isEqualTo("leader");
            b.find("a.logout").click();
            // the web's session and Keycloak's end: back on "/" Keycloak asks for the password again
            b.wait(20).until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
            b.go("/nhiem-vu");
            assertThat(b.driver.getCurrentUrl()).startsWith("http://localhost:8180/realms/city/protocol/openid-connect/auth");
            assertThat(b.all("#kc-form-login")).hasSize(1);
        }
    }

    @Test
    @Order(5)
    void anExpiredSessionLeadsToTheLoginPageAgainAndThenToTheFormTheUserWasOn() {
        try (Browser b = new Browser(1366)) {
            b.open("/nhap-so-lieu", "officer-fin");
            b.type("#v-BUDGET_SPENDING", "215");
            // the web's session cookie is gone (expired) while Keycloak's single sign-on still lives: the next page
            // passes through Keycloak without a password and shows the page, not an error
            deleteCookies(b, "q_session");
            b.go("/tong-quan");
            assertThat(b.driver.getCurrentUrl()).isEqualTo(Browser.BASE + "/tong-quan");
            assertThat(b.find(".who .user").getAttribute("data-user")).isEqualTo("officer-fin");
            // both have expired (every cookie gone): a form sent now leads to the login page, and after it to the form
            b.go("/nhap-so-lieu");
            b.type("#v-BUDGET_SPENDING", "215");
            // every cookie of the browser, Keycloak's (path /realms/city/) too
            ((org.openqa.selenium.chrome.ChromeDriver) b.driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
            b.find("#form-so-lieu button[type=submit]").click();
            b.wait(20).until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
            b.login("officer-fin");
            assertThat(b.driver.getCurrentUrl()).startsWith(Browser.BASE + "/nhap-so-lieu");
            assertThat(b.text("h1")).contains("Phòng Tài chính – Kế hoạch");
        }
    }

    @Test
    @Order(5)
    void aFormPostedWithoutTheSessionsTokenIsRefused() {
        try (Browser b = new Browser(1366)) {
            b.open("/nhap-so-lieu?ky=" + PERIOD, "officer-fin");
            assertThat(b.all("#form-so-lieu input[name=csrf-token]")).hasSize(1);
            assertThat(b.all("#csv-form input[name=csrf-token]")).hasSize(1);
            // what a page of another site could send in the user's name: the same fields, without the token
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("""
                    var f = document.createElement('form'); f.method = 'post'; f.action = '/nhap-so-lieu';
                    [['ky', arguments[0]], ['don-vi', 'FIN'], ['loai', 'ESTIMATE'], ['v.BUDGET_SPENDING', '999']]
                      .forEach(function (p) { var i = document.createElement('input'); i.type = 'hidden';
                        i.name = p[0]; i.value = p[1]; f.appendChild(i); });
                    document.body.appendChild(f); f.submit();""", PERIOD);
            b.wait(20).until(d -> d.getPageSource().contains("Biểu mẫu đã hết hiệu lực"));
            b.go("/nhap-so-lieu?ky=" + PERIOD);
            assertThat(b.text("#dong-BUDGET_SPENDING")).doesNotContain("999");
        }
    }

    /**
     * Not a check: with {@code -Dcity.web.screenshots=<dir>} (web/docs in the README), every page at desktop (1366)
     * and phone (390) width, after loading a year and a half of figures so the charts have something to draw.
     */
    @Test
    @Order(6)
    void screenshotsOfEveryPage() throws java.io.IOException {
        String dir = System.getProperty("city.web.screenshots");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "screenshots only with -Dcity.web.screenshots=<dir>");
        java.nio.file.Path out = java.nio.file.Path.of(dir);
        DemoData.load(INDICATOR, YearMonth.parse(PERIOD));
        String task = Api.get("secretariat", ServiceStack.api("task-service") + "/api/tasks").path(0).path("taskId").asText();
        record Shot(String name, String user, String path) {
        }
        List<Shot> shots = List.of(
                new Shot("tong-quan", "leader", "/tong-quan?ky=" + YearMonth.parse(PERIOD).minusMonths(1)),
                new Shot("nhap-so-lieu", "officer-fin", "/nhap-so-lieu"),
                new Shot("giao-ban", "secretariat", "/giao-ban"),
                new Shot("giao-ban-cuoc-hop", "secretariat", "/giao-ban/" + meetingId + "?chi-tiet=BUDGET_REVENUE"),
                new Shot("giao-ban-ban-in", "leader", "/giao-ban/" + meetingId + "/in"),
                new Shot("nhiem-vu", "leader", "/nhiem-vu"),
                new Shot("nhiem-vu-chi-tiet", "officer-fin", "/nhiem-vu/" + task),
                new Shot("tinh-hinh-bao-cao", "secretariat", "/tinh-hinh-bao-cao"));
        for (int width : new int[] {1366, 390}) {
            String suffix = width > 1000 ? "desktop" : "phone";
            try (Browser b = new Browser(width)) {
                b.go("/tong-quan");
                b.screenshot(out.resolve("dang-nhap-" + suffix + ".png"));
            }
            String current = null;
            Browser b = null;
            try {
                for (Shot s : shots) {
                    if (!s.user().equals(current)) {
                        if (b != null) {
                            b.close();
                        }
                        b = new Browser(width);
                        b.open(s.path(), s.user());
                        current = s.user();
                    }
                    b.go(s.path());
                    b.screenshot(out.resolve(s.name() + "-" + suffix + ".png"));
                }
                // a refused value, beside its field
                if (!"officer-fin".equals(current)) {
                    b.close();
                    b = new Browser(width);
                    b.open("/nhap-so-lieu", "officer-fin");
                }
                b.go("/nhap-so-lieu");
                b.type("#v-BUDGET_SPENDING", "-12");
                b.type("#v-INCOME_PER_HEAD", "22,36");
                b.submit("#form-so-lieu");
                b.screenshot(out.resolve("nhap-so-lieu-loi-" + suffix + ".png"));
                // a large CSV file's import job, refused for one row: its status page
                java.nio.file.Path csv = largeCsv("500");
                try {
                    b.go("/nhap-so-lieu");
                    b.find("#tep").sendKeys(csv.toString());
                    b.find("#csv-form button[type=submit]").click();
                    b.wait(60).until(d -> !d.findElements(By.cssSelector("#import-status[data-done=true]")).isEmpty());
                    b.go(b.find("#import-status").getAttribute("data-url"));
                    b.screenshot(out.resolve("nhap-so-lieu-tep-" + suffix + ".png"));
                } finally {
                    java.nio.file.Files.deleteIfExists(csv);
                }
            } finally {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private static void deleteCookies(Browser b, String prefix) {
        for (org.openqa.selenium.Cookie c : b.driver.manage().getCookies()) {
            if (c.getName().startsWith(prefix)) {
                b.driver.manage().deleteCookieNamed(c.getName());
            }
        }
    }

    private static void setDate(Browser b, String css, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.querySelector(arguments[0]).value = arguments[1]", css, isoDate);
    }

    static String label(String period) {
        YearMonth m = YearMonth.parse(period);
        return "tháng " + m.getMonthValue() + "/" + m.getYear();
    }

    static void waitVisible(Browser b, String css) {
        b.wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }
}
