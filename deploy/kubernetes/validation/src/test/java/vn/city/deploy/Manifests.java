package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders the overlays with {@code kubectl kustomize} (offline, no cluster) and gives the objects as JSON trees. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("indicator-service", "task-service", "meeting-service");
    static final String NAMESPACE = "city";

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static Path repoRoot() {
        String configured = System.getProperty("city.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../../..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/kubernetes/overlays"))) {
            throw new IllegalStateException("not the repository root (no deploy/kubernetes/overlays): " + root);
        }
        return root;
    }

    static Path kubernetesDir() {
        return repoRoot().resolve("deploy/kubernetes");
    }

    /** The objects of an overlay, rendered once per JVM. */
    static List<ObjectNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    private static List<ObjectNode> kustomize(String overlay) {
        Path dir = kubernetesDir().resolve("overlays").resolve(overlay);
        List<String> command = List.of(kubectl(), "kustomize", dir.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            copy(process.getInputStream(), out);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish within 60 s");
            }
            errReader.join(5_000);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + err.toString(StandardCharsets.UTF_8));
            }
            return parse(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command)
                    + " — kubectl (with its built-in kustomize) must be on the PATH, or set KUBECTL=/path/to/kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new AssertionError(
                        "kubectl not found on the PATH: install kubectl (it renders Kustomize offline, no cluster needed)"
                                + " or set KUBECTL=/path/to/kubectl"));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> parse(String multiDocumentYaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(multiDocumentYaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new AssertionError("a rendered document is not an object: " + doc);
                }
                objects.add((ObjectNode) doc);
            }
        }
        return objects;
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String id(JsonNode o) {
        return kind(o) + "/" + name(o);
    }

    static List<ObjectNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(o -> kind.equals(kind(o))).toList();
    }

    static Optional<ObjectNode> find(String overlay, String kind, String name) {
        return render(overlay).stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst();
    }

    static ObjectNode get(String overlay, String kind, String name) {
        return find(overlay, kind, name)
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + "/" + name + " rendered"));
    }

    /** Pod template spec of a workload (Deployment, StatefulSet, DaemonSet, Job) or of a CronJob. */
    static JsonNode podSpec(JsonNode workload) {
        if ("CronJob".equals(kind(workload))) {
            return workload.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
        }
        return workload.path("spec").path("template").path("spec");
    }

    static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    static List<ObjectNode> workloads(String overlay) {
        return render(overlay).stream().filter(o -> WORKLOAD_KINDS.contains(kind(o))).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
