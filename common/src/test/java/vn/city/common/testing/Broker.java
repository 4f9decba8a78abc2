package vn.city.common.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the real local Kafka broker unreachable and brings it back, by stopping and continuing its process
 * (SIGSTOP/SIGCONT): clients see a broker that does not answer, exactly as with a network partition.
 */
public final class Broker {

    private Broker() {
    }

    public static long pid() {
        List<ProcessHandle> brokers = ProcessHandle.allProcesses()
                // the local stack's broker (deploy/local keeps its config under .local/kafka)
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("kafka.Kafka ") && c.contains("/.local/kafka/")).orElse(false))
                .toList();
        if (brokers.size() != 1) {
            throw new IllegalStateException("expected one local Kafka broker process, found " + brokers.size());
        }
        return brokers.get(0).pid();
    }

    public static void pause() {
        if (ContainerStack.ENABLED) {
            ContainerStack.pauseBroker(true);
        } else {
            signal("STOP");
        }
    }

    public static void resume() {
        if (ContainerStack.ENABLED) {
            ContainerStack.pauseBroker(false);
        } else {
            signal("CONT");
        }
    }

    private static void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
