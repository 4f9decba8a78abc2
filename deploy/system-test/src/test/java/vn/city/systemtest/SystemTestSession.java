package vn.city.systemtest;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.time.Duration;
import java.time.Instant;

/** Stops every service process when the test run ends (the shutdown hook covers a JVM that dies). */
public class SystemTestSession implements LauncherSessionListener {

    private Instant opened;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        opened = Instant.now();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        ServiceProcesses processes = ServiceProcesses.startedOrNull();
        if (processes != null) {
            processes.killAll();
            Figures.record("suite", "duration %d s (processes started, tests run and processes stopped)",
                    Duration.between(opened, Instant.now()).toSeconds());
        }
    }
}
