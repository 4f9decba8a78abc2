package vn.city.meeting.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden texts under {@code src/test/resources/golden/}: what is rendered must equal the file. The rendering is also
 * written to {@code target/golden/} so a reviewed change can be copied over the file.
 */
public final class Golden {

    private Golden() {
    }

    /** The rows of a tab-separated golden file, without its {@code #} comment lines. */
    public static List<String[]> rows(String name) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden file src/test/resources/golden/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * Every sentence of the golden file appears in what is rendered, verbatim and in the file's order. For a rendering
     * from the shared test read model, where other test classes' indicators and tasks of the same period (published
     * on the same test topics) add sentences of their own.
     */
    public static void assertContainsInOrder(String name, String actual) {
        try {
            Path out = Path.of("target", "golden", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual + "\n", StandardCharsets.UTF_8);
            System.out.println("[golden] " + name + " rendered:\n" + actual);
            try (InputStream in = Golden.class.getClassLoader().getResourceAsStream("golden/" + name)) {
                assertThat(in).as("golden file src/test/resources/golden/" + name).isNotNull();
                String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                int from = 0;
                for (String sentence : expected.split("(?<=[.;:])\\s+")) {
                    String s = sentence.strip();
                    if (s.isEmpty()) {
                        continue;
                    }
                    int at = actual.indexOf(s, from);
                    assertThat(at).as("golden sentence, in order, in the rendering of " + name + ": " + s
                            + "\n--- rendered ---\n" + actual).isGreaterThanOrEqualTo(0);
                    from = at + s.length();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
