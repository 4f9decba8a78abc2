package vn.city.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The extra path for machines with Docker: with {@code CITY_STACK=containers} the tests get PostgreSQL, Kafka and
 * Keycloak (with the versioned realm) from Testcontainers instead of the local stack. Without that variable it does
 * nothing and the tests use the stack that {@code deploy/local/test.sh} started, which needs no Docker.
 */
public class ContainerStack implements QuarkusTestResourceLifecycleManager {

    public static final boolean ENABLED = "containers".equalsIgnoreCase(System.getenv("CITY_STACK"));

    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;
    private static GenericContainer<?> keycloak;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "city_test");
    }

    @Override
    public synchronized Map<String, String> start() {
        if (!ENABLED) {
            return Map.of();
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("CITY_STACK=containers but no Docker engine answers");
        }
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:18").withDatabaseName(database)
                    .withUsername("city").withPassword("city");
            kafka = new KafkaContainer("apache/kafka:4.1.0");
            keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.4")
                    .withExposedPorts(8080, 9000)
                    .withEnv("KC_HEALTH_ENABLED", "true")
                    .withCopyFileToContainer(MountableFile.forHostPath(realmFile()), "/opt/keycloak/data/import/realm-city.json")
                    .withCommand("start-dev", "--import-realm")
                    .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(3)));
            postgres.start();
            kafka.start();
            keycloak.start();
        }
        String keycloakUrl = "http://localhost:" + keycloak.getMappedPort(8080);
        // Read by Tokens, TopicReader and TopicWriter in the test JVM.
        System.setProperty("city.keycloak.url", keycloakUrl);
        System.setProperty("city.kafka.bootstrap", kafka.getBootstrapServers());
        Map<String, String> config = new HashMap<>();
        String hostPort = postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
        config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort);
        config.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloakUrl + "/realms/city");
        return config;
    }

    /** Pauses or resumes the broker container, for {@link Broker}. */
    static void pauseBroker(boolean pause) {
        var docker = DockerClientFactory.instance().client();
        if (pause) {
            docker.pauseContainerCmd(kafka.getContainerId()).exec();
        } else {
            docker.unpauseContainerCmd(kafka.getContainerId()).exec();
        }
    }

    private static Path realmFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path realm = dir.resolve("deploy/local/keycloak/realm-city.json");
            if (Files.isRegularFile(realm)) {
                return realm;
            }
        }
        throw new IllegalStateException("deploy/local/keycloak/realm-city.json not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void stop() {
        // The containers live as long as the test JVM (Ryuk removes them), shared by every test class.
    }
}
