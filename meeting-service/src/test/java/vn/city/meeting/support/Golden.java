package vn.city.meeting.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden texts under {@code src/test/resources/golden/}: what is rendered must equal the file. The rendering is also
 * written to {@code target/golden/} so a reviewed change can be copied over the file.
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        try {
            Path out = Path.of("target", "golden", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual + "\n", StandardCharsets.UTF_8);
            System.out.println("[golden] " + name + " rendered:\n" + actual);
            try (InputStream in = Golden.class.getClassLoader().getResourceAsStream("golden/" + name)) {
                assertThat(in).as("golden file src/test/resources/golden/" + name + " (rendered into " + out + ")").isNotNull();
                String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(actual.strip()).isEqualTo(expected);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
