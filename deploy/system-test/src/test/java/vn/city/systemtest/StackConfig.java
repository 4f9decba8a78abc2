package vn.city.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real local stack listens (deploy/local/infra.sh) and where this module writes. */
public final class StackConfig {

    public static final int PG_PORT = 55432;
    public static final String PG_USER = "city";
    public static final String PG_PASSWORD = "city";
    /** The local throw-away server's superuser (deploy/local/infra.sh: CITY_PG_SUPERUSER / CITY_PG_PASSWORD). */
    public static final String PG_SUPERUSER = env("CITY_PG_SUPERUSER", "postgres");
    public static final String PG_SUPERPASS = env("CITY_PG_PASSWORD", "postgres");
    public static final String KAFKA = env("CITY_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    public static final String TOPIC_PREFIX = "st.";
    public static final int READY_TIMEOUT_SECONDS = Integer.getInteger("city.system-test.ready-timeout", 90);

    private StackConfig() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + PG_PORT + "/" + database;
    }

    /** The repository root: from the build, else found upwards from the working directory. */
    public static Path repoRoot() {
        String root = System.getProperty("city.system-test.root");
        if (root != null && Files.isRegularFile(Path.of(root, "pom.xml"))
                && Files.isDirectory(Path.of(root, "indicator-service"))) {
            return Path.of(root).toAbsolutePath();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("indicator-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    /** deploy/system-test/target */
    public static Path targetDir() {
        String t = System.getProperty("city.system-test.target");
        Path dir = t != null ? Path.of(t) : repoRoot().resolve("deploy/system-test/target");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
