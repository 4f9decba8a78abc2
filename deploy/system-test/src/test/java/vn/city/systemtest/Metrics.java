package vn.city.systemtest;

import vn.city.systemtest.ServiceProcesses.Instance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a service's Prometheus metrics ({@code /q/metrics} on its management port). */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private Metrics() {
    }

    static String text(Instance inst) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + inst.managementPort + "/q/metrics")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(inst.name() + " /q/metrics answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(inst.name() + " /q/metrics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<Sample> samples(Instance inst) {
        List<Sample> out = new ArrayList<>();
        for (String line : text(inst).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space).trim();
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < space) {
                Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            String value = line.substring(space + 1).trim();
            out.add(new Sample(name, labels, value.equals("NaN") ? Double.NaN : Double.parseDouble(value)));
        }
        return out;
    }

    /** Sum of the samples of {@code name} whose labels include {@code labels} (0 when there is none). */
    static double sum(Instance inst, String name, Map<String, String> labels) {
        return samples(inst).stream().filter(s -> s.name().equals(name) && s.has(labels)).mapToDouble(Sample::value).sum();
    }

    /** Whether a sample of {@code name} with {@code labels} exists. */
    static boolean exists(Instance inst, String name, Map<String, String> labels) {
        return samples(inst).stream().anyMatch(s -> s.name().equals(name) && s.has(labels));
    }
}
