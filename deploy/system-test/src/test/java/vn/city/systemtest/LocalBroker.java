package vn.city.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops (SIGSTOP) and continues (SIGCONT) the local Kafka broker the services use, as {@code Broker} of the common
 * test-jar does, but picks the broker by its listener port and network namespace: the common one refuses to act when
 * another Kafka runs on the machine (e.g. an isolated copy of the stack in another network namespace).
 */
final class LocalBroker {

    private LocalBroker() {
    }

    static long pid() {
        String port = StackConfig.KAFKA.substring(StackConfig.KAFKA.lastIndexOf(':') + 1);
        List<ProcessHandle> brokers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("kafka.Kafka ")).orElse(false))
                .filter(p -> listensOn(p, port))
                .filter(LocalBroker::sameNetwork)
                .toList();
        if (brokers.size() != 1) {
            throw new IllegalStateException("expected one local Kafka broker listening on " + StackConfig.KAFKA + ", found "
                    + brokers.size());
        }
        return brokers.get(0).pid();
    }

    /** A broker in another network namespace (an isolated stack elsewhere on the machine) is not ours. */
    private static boolean sameNetwork(ProcessHandle p) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns/net"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/ns/net")));
        } catch (IOException | RuntimeException e) {
            return true; // no /proc (not Linux): the port check alone decides
        }
    }

    private static boolean listensOn(ProcessHandle p, String port) {
        String[] args = p.info().arguments().orElse(new String[0]);
        if (args.length == 0) {
            return false;
        }
        Path config = Path.of(args[args.length - 1]);
        try {
            return Files.readAllLines(config).stream()
                    .anyMatch(l -> l.startsWith("listeners=") && l.contains(":" + port + ",") || l.startsWith("listeners=")
                            && l.endsWith(":" + port));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void pause() {
        signal("STOP");
    }

    static void resume() {
        signal("CONT");
    }

    private static void signal(String signal) {
        long pid = pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
