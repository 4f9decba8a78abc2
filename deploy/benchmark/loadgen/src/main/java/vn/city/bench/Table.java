package vn.city.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as a Markdown table (printed, and pasted into the README). */
final class Table {

    private Table() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    static String n(Object v, String fmt) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Number x) {
            double d = x.doubleValue();
            return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, fmt, d);
        }
        return v.toString();
    }

    /** p50 / p99 / max of one stage of {@link FigureStages}. */
    static String stage(Map<String, Object> stages, String key) {
        Map<String, Object> s = map(stages, key);
        return n(s.get("p50Ms"), "%.1f") + " / " + n(s.get("p99Ms"), "%.1f") + " / " + n(s.get("maxMs"), "%.1f");
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> machine = map(r, "machine");
        b.append(String.format(Locale.ROOT, "%n## Benchmark %s (%s mode, %s cores, load average at start %s)%n%n",
                r.get("startedAt"), r.get("mode"), machine.get("cores"), machine.get("loadAverageAtStart")));

        Map<String, Object> sub = map(r, "submission");
        Map<String, Object> ratios = map(sub, "ratios");
        Map<String, Object> settings = map(r, "settings");
        b.append(String.format(Locale.ROOT, "### Submission (POST /api/figures, %s connections, closed loop)%n%n",
                settings.get("concurrency")));
        b.append("| variant | per second | p50 ms | p99 ms | vs bare | service CPU ms/req | Keycloak CPU ms/req |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        row(b, "bare baseline (insert only, /bench/baseline)", map(sub, "bareBaseline"), 1.0);
        row(b, "bearer-token check only (enforcer off for figures)", map(sub, "bearerOnly"), ratios.get("bearerOnlyVsBaseline"));
        row(b, "bearer-token check only, RPT as the bearer token", map(sub, "bearerOnlyWithRpt"), null);
        row(b, "policy enforcer, RPT client", map(sub, "enforcerRpt"), ratios.get("enforcerRptVsBaseline"));
        row(b, "policy enforcer, plain access token", map(sub, "enforcerAccessToken"), ratios.get("enforcerAccessTokenVsBaseline"));
        if (!map(sub, "enforcerRptConsumersPaused").isEmpty()) {
            row(b, "policy enforcer, RPT client; meeting-service and task-service stopped (as on their own cores)",
                    map(sub, "enforcerRptConsumersPaused"), ratios.get("enforcerRptConsumersPausedVsBaseline"));
        }
        b.append(String.format(Locale.ROOT, "%nAuthorization cost: enforcer+RPT / bearer-only = %s (same token: %s); enforcer+access token / bearer-only = %s%n%n",
                n(ratios.get("enforcerRptVsBearerOnly"), "%.3f"), n(ratios.get("enforcerRptVsBearerOnlyWithRpt"), "%.3f"),
                n(ratios.get("enforcerAccessTokenVsBearerOnly"), "%.3f")));

        b.append("Database sessions of indicator-service during each variant (average active, by wait event; CPU = running):\n\n");
        for (String k : List.of("bareBaseline", "bearerOnly", "bearerOnlyWithRpt", "enforcerRpt", "enforcerAccessToken", "enforcerRptConsumersPaused")) {
            b.append(String.format(Locale.ROOT, "- %s: %s%n", k, map(sub, k).get("dbActiveSessionsByWait")));
        }
        b.append("\nCPU of the whole machine during each variant, ms per request by process (machine = all cores' time, idle included):\n\n");
        for (String k : List.of("bareBaseline", "bearerOnly", "bearerOnlyWithRpt", "enforcerRpt", "enforcerAccessToken", "enforcerRptConsumersPaused")) {
            b.append(String.format(Locale.ROOT, "- %s: %s%n", k, map(sub, k).get("machineCpuMsPerRequest")));
        }
        b.append("\n### Bulk, events, reads\n\n| measure | result |\n|---|---|\n");
        Map<String, Object> bulk = map(r, "bulkImport");
        b.append(String.format(Locale.ROOT, "| CSV import, one file of %s rows | %s figures/s (%s s; service CPU %s s; read model caught up %s s later, meeting-service CPU %s s = %s ms per figure) |%n",
                bulk.get("rows"), n(bulk.get("figuresPerSecond"), "%.0f"), n(bulk.get("seconds"), "%.1f"),
                n(bulk.get("serviceCpuSeconds"), "%.1f"), n(bulk.get("readModelCaughtUpSecondsAfterImport"), "%.1f"),
                n(bulk.get("meetingServiceCpuSecondsToCatchUp"), "%.1f"), n(bulk.get("meetingServiceCpuMsPerFigure"), "%.2f")));
        if (bulk.get("error") != null) {
            b.append(String.format(Locale.ROOT, "| ↳ that file failed: %s | |%n", String.valueOf(bulk.get("error")).replace('|', '/')));
        }
        Map<String, Object> fb = map(bulk, "fallback");
        if (!fb.isEmpty()) {
            b.append(String.format(Locale.ROOT, "| CSV import, fallback file of %s rows | %s figures/s (%s s; service CPU %s s) |%n",
                    fb.get("rows"), n(fb.get("figuresPerSecond"), "%.0f"), n(fb.get("seconds"), "%.1f"),
                    n(fb.get("serviceCpuSeconds"), "%.1f")));
        }
        Map<String, Object> ev = map(r, "figureToBriefing");
        for (String k : List.of("atTargetRate", "atHalfCapacity", "cutoffDayAtTargetRate")) {
            Map<String, Object> e = map(ev, k);
            if (e.isEmpty()) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "| commit → briefing read model, %s%s/s scheduled for %s s (%s accepted = %s/s, %s errors, %s not sent: %s in flight; one in %s followed into the read model) | p50 %s ms, p99 %s ms, max %s ms (from submittedAt: p50 %s, p99 %s); submission p50 %s / p99 %s ms |%n",
                    e.get("shape") == null ? "" : e.get("shape") + ", ", e.get("ratePerSecond"), n(e.get("seconds"), "%.0f"), e.get("accepted"), n(e.get("acceptedPerSecond"), "%.0f"),
                    e.get("errors"), e.get("droppedInFlightLimit"), map(r, "settings").get("maxInFlight"), e.get("followedOneIn"),
                    n(e.get("p50Ms"), "%.1f"), n(e.get("p99Ms"), "%.1f"), n(e.get("maxMs"), "%.1f"),
                    n(e.get("fromSubmittedAtP50Ms"), "%.1f"), n(e.get("fromSubmittedAtP99Ms"), "%.1f"),
                    n(e.get("submissionHttpP50Ms"), "%.1f"), n(e.get("submissionHttpP99Ms"), "%.1f")));
        }
        for (String k : List.of("atTargetRate", "atHalfCapacity", "cutoffDayAtTargetRate")) {
            Map<String, Object> e = map(ev, k);
            if (!e.isEmpty()) {
                b.append(String.format(Locale.ROOT, "| ↳ during that run (%s/s): meeting-service's database sessions %s; machine CPU ms per figure until seen %s |%n",
                        e.get("ratePerSecond"), e.get("meetingDbActiveSessionsByWait"), e.get("machineCpuMsPerFigureUntilSeen")));
                Map<String, Object> st = map(e, "stages");
                if (!st.isEmpty()) {
                    b.append(String.format(Locale.ROOT, "| ↳ where the time went (%s/s; every figure of the run, %s, from the database's clock; p50 / p99 / max ms) | request → its transaction %s; → relay pass %s; → meeting-service's transaction %s; request → that transaction %s |%n",
                            e.get("ratePerSecond"), st.get("figures"), stage(st, "requestToItsTransaction"),
                            stage(st, "transactionToRelayPass"), stage(st, "relayPassToConsumerTransaction"),
                            stage(st, "requestToConsumerTransaction")));
                }
            }
        }
        Map<String, Object> ct = map(r, "conclusionToTasks");
        b.append(String.format(Locale.ROOT, "| published conclusion → its %s tasks exist (%s conclusions) | p50 %s ms, max %s ms |%n",
                ct.get("directivesEach"), ct.get("conclusions"), n(ct.get("p50Ms"), "%.1f"), n(ct.get("maxMs"), "%.1f")));
        Map<String, Object> h = map(r, "history");
        b.append(String.format(Locale.ROOT, "| history for the reads: %s figures (%s, %s indicators × %s units) | written in %s s (%s) |%n",
                h.get("figures"), h.get("years"), settings.get("indicators"), settings.get("units"),
                n(h.get("seedSeconds"), "%.1f"), h.get("how")));
        Map<String, Object> reads = map(r, "reads");
        Map<String, Object> pack = map(reads, "briefingPackMonth");
        b.append(String.format(Locale.ROOT, "| briefing pack of %s (%s indicator lines, %s KB) | p50 %s ms, p99 %s ms, %s/s |%n",
                pack.get("period"), pack.get("indicatorLines"), n(pack.get("bytes") == null ? null : ((Number) pack.get("bytes")).doubleValue() / 1024, "%.0f"),
                n(pack.get("p50Ms"), "%.1f"), n(pack.get("p99Ms"), "%.1f"), n(pack.get("perSecond"), "%.0f")));
        Map<String, Object> res = map(reads, "resultsYear");
        b.append(String.format(Locale.ROOT, "| results of the year %s (one indicator × unit) | p50 %s ms, p99 %s ms, %s/s |%n",
                res.get("period"), n(res.get("p50Ms"), "%.1f"), n(res.get("p99Ms"), "%.1f"), n(res.get("perSecond"), "%.0f")));

        b.append(String.format(Locale.ROOT, "%n### Footprint (heap %s)%n%n", settings.get("heap")));
        b.append("| service | launch → ready s | first start (migrations) s | RSS at ready MB | RSS idle MB | RSS after load MB |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> f : (List<Map<String, Object>>) r.getOrDefault("footprint", List.of())) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", f.get("service"),
                    n(f.get("readySeconds"), "%.1f"), n(f.get("firstStartReadySeconds"), "%.1f"), n(f.get("rssAtReadyMb"), "%.0f"), n(f.get("rssIdleMb"), "%.0f"),
                    n(f.get("rssAfterLoadMb"), "%.0f")));
        }

        b.append("\n### Targets\n\n| target | goal | measured | met |\n|---|---|---:|---|\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) r.getOrDefault("targets", List.of())) {
            Object met = t.get("met");
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", t.get("what"), t.get("target"),
                    n(t.get("measured"), "%.2f"), met == null ? "–" : (Boolean) met ? "yes" : "**no**"));
        }
        if (r.get("workarounds") instanceof String w && !w.isBlank()) {
            b.append(String.format(Locale.ROOT, "%nWorkarounds applied by run.sh: %s%n", w));
        }
        b.append(String.format(Locale.ROOT, "%nTotal %s s of measurement.%n", r.get("totalSeconds")));
        return b.toString();
    }

    /** The pack-read scenario alone ({@code run.sh --pack-reads}). */
    @SuppressWarnings("unchecked")
    static String renderReads(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> machine = map(r, "machine");
        Map<String, Object> settings = map(r, "settings");
        b.append(String.format(Locale.ROOT, "%n## Pack reads %s (%s cores, load average at start %s, at end %s)%n%n",
                r.get("startedAt"), machine.get("cores"), machine.get("loadAverageAtStart"), machine.get("loadAverageAtEnd")));
        Map<String, Object> h = map(r, "history");
        Map<String, Object> reads = map(r, "reads");
        Map<String, Object> pack = map(reads, "briefingPackMonth");
        b.append(String.format(Locale.ROOT, "History: %s figures (%s, %s indicators × %s units), written in %s s (%s); "
                        + "pack lines ready %s s later.%n%n", h.get("figures"), h.get("years"), settings.get("indicators"),
                settings.get("units"), n(h.get("seedSeconds"), "%.1f"), h.get("how"),
                n(pack.get("linesReadySecondsAfterHistory"), "%.1f")));
        b.append(String.format(Locale.ROOT, "Closed loop, %s connections, RPT for meeting-service (policy enforcer on), %s s measured per row%n%n",
                settings.get("readConcurrency"), settings.get("readSeconds")));
        b.append("| GET | per second | p50 ms | p90 ms | p99 ms | max ms | service CPU ms/req |\n|---|---:|---:|---:|---:|---:|---:|\n");
        readRow(b, String.format(Locale.ROOT, "/api/packs/period/%s (%s lines, %s unit figures beneath, %s KB)", pack.get("period"),
                pack.get("indicatorLines"), pack.get("unitFiguresBeneath"),
                n(pack.get("bytes") == null ? null : ((Number) pack.get("bytes")).doubleValue() / 1024, "%.0f")), pack);
        readRow(b, "bare: /api/me (token + enforcer, no database)", map(reads, "bareAuthenticatedGet"));
        readRow(b, "bare: /api/packs/period/1901-06 (same path, empty period)", map(reads, "emptyPack"));
        Map<String, Object> res = map(reads, "resultsYear");
        readRow(b, "indicator-service /api/results (one indicator × unit, year " + res.get("period") + ")", res);
        b.append("\n| target | goal | measured | met |\n|---|---|---:|---|\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) r.getOrDefault("targets", List.of())) {
            Object met = t.get("met");
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", t.get("what"), t.get("target"),
                    n(t.get("measured"), "%.2f"), met == null ? "–" : (Boolean) met ? "yes" : "**no**"));
        }
        b.append(String.format(Locale.ROOT, "%nRuntime: %s. Total %s s.%n", settings.get("heap"), r.get("totalSeconds")));
        return b.toString();
    }

    private static void readRow(StringBuilder b, String name, Map<String, Object> s) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", name, n(s.get("perSecond"), "%.0f"),
                n(s.get("p50Ms"), "%.1f"), n(s.get("p90Ms"), "%.1f"), n(s.get("p99Ms"), "%.1f"), n(s.get("maxMs"), "%.1f"),
                n(s.get("serviceCpuMsPerRequest"), "%.2f")));
    }

    private static void row(StringBuilder b, String name, Map<String, Object> s, Object ratio) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", name, n(s.get("perSecond"), "%.0f"),
                n(s.get("p50Ms"), "%.1f"), n(s.get("p99Ms"), "%.1f"), n(ratio, "%.2f"),
                n(s.get("serviceCpuMsPerRequest"), "%.2f"), n(s.get("keycloakCpuMsPerRequest"), "%.2f")));
        if (s.get("errors") instanceof Number e && e.longValue() > 0) {
            b.append(String.format(Locale.ROOT, "| ↳ %s errors, first: %s | | | | | | |%n", e,
                    String.valueOf(s.get("firstError")).replace('|', '/').replace('\n', ' ')));
        }
    }
}
