package vn.city.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an operator command of {@code deploy/ops} (a single-file Java program, as its shell wrapper runs it) with the
 * Kafka client and JDBC driver of this module's class path, and returns what it printed.
 */
final class OpsCommand {

    record Outcome(int exitCode, String output) {
    }

    private OpsCommand() {
    }

    static Outcome run(String program, List<String> args, long timeoutSeconds) {
        Path source = StackConfig.repoRoot().resolve("deploy/ops").resolve(program + ".java");
        String cp = String.join(java.io.File.pathSeparator, jarOf(org.apache.kafka.clients.admin.Admin.class),
                jarOf(org.slf4j.LoggerFactory.class), jarOf(org.postgresql.Driver.class));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", cp, source.toString()));
        cmd.addAll(args);
        Path log = StackConfig.targetDir().resolve("processes").resolve(program + ".out");
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(program + " did not finish within " + timeoutSeconds + " s:\n" + read(log));
            }
            String out = read(log);
            Files.writeString(StackConfig.targetDir().resolve("processes").resolve(program + ".all.out"),
                    "### " + String.join(" ", args) + "\n" + out, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new Outcome(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
