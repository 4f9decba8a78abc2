import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page latency of the web under N concurrent users (closed loop, no think time): each virtual user holds a logged-in
 * session of a fixture user (the real Keycloak login form, as a browser posts it) and requests the pages of its role
 * in turn for the given duration. Prints per page count, errors, p50/p95/p99/max in ms, and writes them as JSON.
 *
 *   java deploy/benchmark/web/WebPagesLoad.java [baseUrl] [users] [seconds] [out.json]
 *
 * Single-file program (JDK 17, no dependencies); deploy/benchmark/web-pages.sh runs it against a running stack.
 */
public class WebPagesLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A cookie jar that, like a browser on localhost, sends Secure cookies over http too. */
    static final class Session {
        final Map<String, String> cookies = new LinkedHashMap<>();

        String header() {
            StringBuilder sb = new StringBuilder();
            cookies.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return sb.toString();
        }

        HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                b.header("Cookie", header());
            }
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("set-cookie")) {
                String nv = c.split(";", 2)[0];
                int eq = nv.indexOf('=');
                if (eq > 0) {
                    String value = nv.substring(eq + 1);
                    if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
                        cookies.remove(nv.substring(0, eq));
                    } else {
                        cookies.put(nv.substring(0, eq), value);
                    }
                }
            }
            return r;
        }

        /** GET, following redirects by hand (cookies of every host go along, as Keycloak and the web share localhost). */
        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET());
            for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
                url = URI.create(url).resolve(r.headers().firstValue("location").orElseThrow()).toString();
                r = send(HttpRequest.newBuilder(URI.create(url)).GET());
            }
            return r;
        }
    }

    static Session login(String base, String user) throws Exception {
        Session s = new Session();
        HttpResponse<String> page = s.get(base + "/tong-quan");
        Matcher m = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no Keycloak login form at " + page.uri() + " (" + page.statusCode() + ")");
        }
        String action = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        String url = action;
        for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
            url = URI.create(url).resolve(r.headers().firstValue("location").orElseThrow()).toString();
            r = s.send(HttpRequest.newBuilder(URI.create(url)).GET());
        }
        if (r.statusCode() != 200 || !r.body().contains("data-user=\"" + user + "\"")) {
            throw new IllegalStateException("login of " + user + " failed: " + r.statusCode() + " at " + url);
        }
        return s;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path out = Path.of(args.length > 3 ? args[3] : "web-pages.json");

        Map<String, List<String>> pagesOf = new LinkedHashMap<>();
        Session probe = login(base, "secretariat");
        String meetings = probe.get(base + "/giao-ban").body();
        Matcher mm = Pattern.compile("href=\"(/giao-ban/[0-9a-f-]{36})\"").matcher(meetings);
        String meeting = mm.find() ? mm.group(1) : null;
        String tasks = probe.get(base + "/nhiem-vu").body();
        Matcher tm = Pattern.compile("href=\"(/nhiem-vu/[0-9a-f-]{36})\"").matcher(tasks);
        String task = tm.find() ? tm.group(1) : null;
        List<String> common = new ArrayList<>(List.of("/tong-quan", "/giao-ban", "/nhiem-vu"));
        if (meeting != null) {
            common.add(meeting);
        }
        if (task != null) {
            common.add(task);
        }
        List<String> officer = new ArrayList<>(common);
        officer.add("/nhap-so-lieu");
        List<String> office = new ArrayList<>(officer);
        office.add("/tinh-hinh-bao-cao");
        pagesOf.put("secretariat", office);
        pagesOf.put("leader", office);
        pagesOf.put("officer-fin", officer);
        pagesOf.put("officer-eco", officer);
        pagesOf.put("officer-songcau", officer);
        pagesOf.put("viewer", common);
        List<String> fixture = new ArrayList<>(pagesOf.keySet());

        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String u : fixture) {
            sessions.put(u, login(base, u));
        }
        // warm-up: every page once per user; a page the user may not see (an officer and another unit's task) is
        // left out of that user's round
        for (String u : fixture) {
            List<String> allowed = new ArrayList<>();
            for (String p : pagesOf.get(u)) {
                if (sessions.get(u).get(base + p).statusCode() == 200) {
                    allowed.add(p);
                }
            }
            pagesOf.put(u, allowed);
        }

        Map<String, List<Long>> micros = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users);
        for (int i = 0; i < users; i++) {
            String user = fixture.get(i % fixture.size());
            List<String> pages = pagesOf.get(user);
            int offset = i;
            new Thread(() -> {
                try {
                    Session s = login(base, user); // a session of its own, as a person in a browser has
                    int n = offset;
                    while (System.nanoTime() < end) {
                        String p = pages.get(n++ % pages.size());
                        String key = p.replaceAll("[0-9a-f-]{36}", "{id}");
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = s.send(HttpRequest.newBuilder(URI.create(base + p)).GET()).statusCode();
                        } catch (IOException e) {
                            status = -1;
                        }
                        long us = (System.nanoTime() - t0) / 1000;
                        micros.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(us);
                        if (status != 200) {
                            errors.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.err.println(user + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "web-user-" + i).start();
        }
        done.await();

        StringBuilder json = new StringBuilder("{\n  \"base\": \"" + base + "\", \"users\": " + users + ", \"seconds\": "
                + seconds + ",\n  \"pages\": {\n");
        System.out.printf("%-22s %7s %6s %8s %8s %8s %8s%n", "page", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
        List<Long> all = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, List<Long>> e : new java.util.TreeMap<>(micros).entrySet()) {
            List<Long> v = new ArrayList<>(e.getValue());
            all.addAll(v);
            Collections.sort(v);
            int errs = errors.getOrDefault(e.getKey(), new AtomicInteger()).get();
            System.out.printf("%-22s %7d %6d %8.1f %8.1f %8.1f %8.1f%n", e.getKey(), v.size(), errs, q(v, .5), q(v, .95),
                    q(v, .99), v.get(v.size() - 1) / 1000.0);
            json.append(String.format(java.util.Locale.ROOT,
                    "    \"%s\": {\"count\": %d, \"errors\": %d, \"p50\": %.1f, \"p95\": %.1f, \"p99\": %.1f, \"max\": %.1f}%s%n",
                    e.getKey(), v.size(), errs, q(v, .5), q(v, .95), q(v, .99), v.get(v.size() - 1) / 1000.0,
                    ++k < micros.size() ? "," : ""));
        }
        Collections.sort(all);
        System.out.printf("%-22s %7d %6s %8.1f %8.1f %8.1f %8.1f%n", "all pages", all.size(), "", q(all, .5), q(all, .95),
                q(all, .99), all.get(all.size() - 1) / 1000.0);
        json.append(String.format(java.util.Locale.ROOT, "  },%n  \"all\": {\"count\": %d, \"p50\": %.1f, \"p95\": %.1f, \"p99\": %.1f, "
                + "\"throughput_per_s\": %.1f}%n}%n", all.size(), q(all, .5), q(all, .95), q(all, .99), all.size() / (double) seconds));
        Files.writeString(out, json.toString());
        System.out.println("written " + out);
    }

    static double q(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
