package vn.city.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One runtime everywhere (issue 14): the JVM options of every local launch ({@code deploy/local/service-jvm.options},
 * read by up.sh, the system tests and the benchmark) are the start of each Deployment's {@code JAVA_OPTS} and of
 * each image's default {@code JAVA_OPTS}, and the images run on a JDK 25 with the AOT cache of their training run.
 */
class RuntimeOptionsTest {

    static List<String> localOptions() {
        Path file = Manifests.repoRoot().resolve("deploy/local/service-jvm.options");
        try {
            return Files.readAllLines(file).stream().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentStartsItsJavaOptsWithTheLocalOptions(String overlay) {
        List<String> local = localOptions();
        assertThat(local).as("service-jvm.options").isNotEmpty();
        for (String service : Manifests.SERVICES) {
            String opts = KafkaTest.envVar(KafkaTest.container(overlay, service).path("env"), "JAVA_OPTS").path("value").asText();
            List<String> words = Arrays.asList(opts.trim().split("\\s+"));
            assertThat(words.subList(0, Math.min(local.size(), words.size())))
                    .as(overlay + " " + service + " JAVA_OPTS starts with deploy/local/service-jvm.options").isEqualTo(local);
        }
    }

    @org.junit.jupiter.api.Test
    void everyImageRunsJdk25WithItsAotCacheAndTheLocalOptions() throws IOException {
        Pattern env = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"");
        for (String service : Manifests.SERVICES) {
            String text = Files.readString(Manifests.kubernetesDir().resolve("images").resolve(service + ".Dockerfile"));
            assertThat(text).as(service + " Dockerfile").containsPattern("(?m)^FROM eclipse-temurin:25\\S*-jre\\S* AS runtime$")
                    .contains("COPY --chown=185:0 --chmod=0444 " + service + "/target/aot-image/app.aot /deployments/app.aot")
                    .contains("ENV JAVA_AOT_OPTS=\"-XX:AOTCache=/deployments/app.aot\"")
                    .contains("exec java ${JAVA_OPTS} ${JAVA_AOT_OPTS} -jar /deployments/quarkus-run.jar");
            Matcher m = env.matcher(text);
            assertThat(m.find()).as(service + " image sets JAVA_OPTS").isTrue();
            List<String> words = Arrays.asList(m.group(1).trim().split("\\s+"));
            assertThat(words.subList(0, Math.min(localOptions().size(), words.size())))
                    .as(service + " image JAVA_OPTS starts with deploy/local/service-jvm.options").isEqualTo(localOptions());
        }
    }
}
