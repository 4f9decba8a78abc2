package vn.city.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures the issue asks the closing note to report: printed as {@code SYSTEM-TEST figures: …} lines and
 * appended to {@code target/system-test-figures.txt}.
 */
public final class Figures {

    private Figures() {
    }

    public static synchronized void record(String topic, String format, Object... args) {
        String line = "SYSTEM-TEST figures [" + topic + "]: " + String.format(format, args);
        System.out.println(line);
        Path file = StackConfig.targetDir().resolve("system-test-figures.txt");
        try {
            Files.writeString(file, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e);
        }
    }
}
