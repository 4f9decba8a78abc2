package vn.city.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the whole machine's CPU goes during a measured window: every process's utime + stime from /proc, grouped
 * (the services the run started by pid, PostgreSQL's processes, the Kafka broker, this load generator, everything
 * else), and the idle time from /proc/stat. On two shared cores a submission's rate is bounded by the sum of what
 * every process spends on it, not by the service's own CPU alone.
 */
final class MachineCpu {

    /** A process's ticks at one moment, with the group it counts in. */
    record Sample(String group, long ticks) {
    }

    /** All processes and the machine's idle ticks at one moment. */
    record Snapshot(Map<Integer, Sample> processes, long idleTicks, long totalTicks) {
    }

    private final Map<Integer, String> named;

    /** @param named pids whose group is known (the services and Keycloak the run started) */
    MachineCpu(Map<Integer, String> named) {
        this.named = new HashMap<>(named);
        this.named.put((int) ProcessHandle.current().pid(), "load generator");
    }

    Snapshot take() {
        Map<Integer, Sample> processes = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.forEach(dir -> {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return;
                }
                int pid = Integer.parseInt(name);
                long ticks = Proc.cpuTicks(pid);
                if (ticks > 0) {
                    processes.put(pid, new Sample(group(pid), ticks));
                }
            });
        } catch (IOException e) {
            return new Snapshot(Map.of(), 0, 0);
        }
        long[] cpu = machineTicks();
        return new Snapshot(processes, cpu[0], cpu[1]);
    }

    /** Ticks per group between two snapshots, with "idle" and "machine" (all ticks of all cores). */
    static Map<String, Long> between(Snapshot from, Snapshot to) {
        Map<String, Long> byGroup = new TreeMap<>();
        to.processes().forEach((pid, s) -> {
            Sample before = from.processes().get(pid);
            long start = before == null || !before.group().equals(s.group()) ? 0 : before.ticks();
            byGroup.merge(s.group(), Math.max(0, s.ticks() - start), Long::sum);
        });
        Map<String, Long> result = new LinkedHashMap<>(byGroup);
        result.put("idle", to.idleTicks() - from.idleTicks());
        result.put("machine", to.totalTicks() - from.totalTicks());
        return result;
    }

    private String group(int pid) {
        String known = named.get(pid);
        if (known != null) {
            return known;
        }
        String comm = comm(pid);
        if (comm.equals("postgres")) {
            return postgres(cmdline(pid));
        }
        if (comm.equals("java")) {
            String cmdline = cmdline(pid);
            if (cmdline.contains("kafka.Kafka")) {
                return "kafka";
            }
            if (cmdline.contains("keycloak")) {
                return "keycloak";
            }
        }
        return "other";
    }

    /**
     * A backend's title is "postgres: user database client state": its CPU counts for that database (one per service);
     * the server's own processes (WAL writer, checkpointer, io workers, autovacuum) for "postgres (server)".
     */
    static String postgres(String cmdline) {
        String[] f = cmdline.trim().split("\\s+");
        if (f.length >= 4 && f[0].equals("postgres:") && (f[3].contains("(") || f[3].equals("[local]"))) {
            return "postgres " + f[2];
        }
        return "postgres (server)";
    }

    private static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String cmdline(int pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** {idle + iowait, all} ticks of the "cpu" line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long all = 0;
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
