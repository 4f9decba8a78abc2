package vn.city.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Closed-loop load: N threads, each with one request in flight, for a warm-up and then a measured window. */
final class Load {

    /** What one measured window gave; merged over rounds. */
    static final class Stats {
        final String name;
        final Histogram latencyUs = new Histogram(60_000_000L, 3);
        long ok;
        long errors;
        double seconds;
        long serviceCpuTicks;
        long keycloakCpuTicks;
        boolean keycloakMeasured;
        /** CPU ticks of the whole machine by process group, over the measured windows (see {@link MachineCpu}). */
        final Map<String, Long> machineTicks = new TreeMap<>();
        String firstError;
        Map<String, Object> dbWaits;

        Stats(String name) {
            this.name = name;
        }

        double rate() {
            return seconds == 0 ? 0 : ok / seconds;
        }

        double p(double percentile) {
            return latencyUs.getTotalCount() == 0 ? Double.NaN : latencyUs.getValueAtPercentile(percentile) / 1000.0;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", ok);
            m.put("errors", errors);
            m.put("seconds", round(seconds, 2));
            m.put("perSecond", round(rate(), 1));
            m.put("p50Ms", round(p(50), 2));
            m.put("p90Ms", round(p(90), 2));
            m.put("p99Ms", round(p(99), 2));
            m.put("maxMs", round(latencyUs.getTotalCount() == 0 ? Double.NaN : latencyUs.getMaxValue() / 1000.0, 2));
            if (ok > 0) {
                m.put("serviceCpuMsPerRequest", round(serviceCpuTicks * Proc.MS_PER_TICK / (double) ok, 3));
                if (keycloakMeasured) {
                    m.put("keycloakCpuMsPerRequest", round(keycloakCpuTicks * Proc.MS_PER_TICK / (double) ok, 3));
                }
            }
            if (ok > 0 && !machineTicks.isEmpty()) {
                Map<String, Object> perRequest = new LinkedHashMap<>();
                machineTicks.forEach((group, ticks) -> perRequest.put(group, round(ticks * Proc.MS_PER_TICK / ok, 3)));
                m.put("machineCpuMsPerRequest", perRequest);
            }
            if (dbWaits != null) {
                m.put("dbActiveSessionsByWait", dbWaits);
            }
            if (firstError != null) {
                m.put("firstError", firstError);
            }
            return m;
        }
    }

    /** Set once by the load generator when it knows the pids it started; null: the machine is not accounted. */
    static volatile MachineCpu machine;

    private Load() {
    }

    /**
     * Runs {@code threads} closed loops for {@code warmupS + durationS}; records only the measured window into
     * {@code into}. CPU of the service (and Keycloak, when its pid is given) is read from /proc around the window.
     */
    static void closed(Http http, Stats into, int threads, double warmupS, double durationS, int expected,
                       Supplier<HttpRequest> requests, int servicePid, int keycloakPid) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupS * 1e9);
        long end = measureFrom + (long) (durationS * 1e9);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Histogram[] local = new Histogram[threads];
        CountDownLatch done = new CountDownLatch(threads);
        String[] firstError = new String[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Histogram h = new Histogram(60_000_000L, 3);
            local[t] = h;
            Thread w = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        HttpRequest req = requests.get();
                        int status;
                        String body = null;
                        try {
                            // bytes: the answer is decoded only when it is an error (decoding a 100 KB pack on
                            // every call would load the two shared cores with the client's own work)
                            HttpResponse<byte[]> r = http.client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            status = r.statusCode();
                            body = status == expected ? null
                                    : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                        } catch (Exception e) {
                            status = -1;
                            body = e.toString();
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (status == expected) {
                                ok.incrementAndGet();
                                h.recordValue(Math.max(1, (t1 - t0) / 1000));
                            } else {
                                if (errors.getAndIncrement() == 0) {
                                    synchronized (firstError) {
                                        firstError[0] = status + " " + Http.abbreviate(body);
                                    }
                                }
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, into.name + "-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        sleepUntil(measureFrom);
        MachineCpu cpu = machine;
        MachineCpu.Snapshot machine0 = cpu == null ? null : cpu.take();
        long svc0 = Proc.cpuTicks(servicePid);
        long kc0 = keycloakPid > 0 ? Proc.cpuTicks(keycloakPid) : 0;
        long m0 = System.nanoTime();
        sleepUntil(end);
        long svc1 = Proc.cpuTicks(servicePid);
        long kc1 = keycloakPid > 0 ? Proc.cpuTicks(keycloakPid) : 0;
        long m1 = System.nanoTime();
        MachineCpu.Snapshot machine1 = cpu == null ? null : cpu.take();
        done.await();
        synchronized (into) {
            for (Histogram h : local) {
                into.latencyUs.add(h);
            }
            into.ok += ok.get();
            into.errors += errors.get();
            into.seconds += (m1 - m0) / 1e9;
            into.serviceCpuTicks += svc1 - svc0;
            into.keycloakCpuTicks += kc1 - kc0;
            into.keycloakMeasured |= keycloakPid > 0;
            if (machine0 != null) {
                MachineCpu.between(machine0, machine1).forEach((group, ticks) -> into.machineTicks.merge(group, ticks, Long::sum));
            }
            if (into.firstError == null) {
                into.firstError = firstError[0];
            }
        }
    }

    /**
     * Sleeps until {@code nanoTime}, to within the timer's slack (tens of microseconds). It never spins: at 500
     * figures a second the open-loop sender waits 2 ms between requests, and spinning through them kept one of the
     * machine's two cores busy with the load generator itself.
     */
    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            if (left > 200_000_000L) {
                Thread.sleep(200);
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
