package vn.city.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from /proc (Linux). */
final class Proc {

    /** USER_HZ is 100 on every Linux the JDK runs on (sysconf(_SC_CLK_TCK)). */
    static final double MS_PER_TICK = 10.0;

    private Proc() {
    }

    /** utime + stime of the process, in clock ticks; 0 when unknown. */
    static long cpuTicks(int pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0] = state (field 3) … utime = field 14, stime = field 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the processes given (those &le; 0 are skipped). */
    static void signal(String signal, java.util.List<Integer> pids) throws IOException, InterruptedException {
        for (int pid : pids) {
            if (pid > 0) {
                int rc = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
                if (rc != 0) {
                    throw new IOException("kill -" + signal + " " + pid + " exited with " + rc);
                }
            }
        }
    }

    /** VmRSS in MB; -1 when unknown. */
    static double rssMb(int pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
