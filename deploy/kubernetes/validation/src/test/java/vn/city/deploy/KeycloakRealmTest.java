package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm imported on Kubernetes is the local realm without its fixture users and inlined client secrets. */
class KeycloakRealmTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @Test
    void realmImportIsTheLocalRealmWithoutUsersAndSecrets() {
        ObjectNode local = RealmImports.localRealm();
        ObjectNode expected = RealmImports.importResource(local);
        ObjectNode actual = (ObjectNode) Manifests.get("dev", "KeycloakRealmImport", RealmImports.IMPORT_NAME).deepCopy();
        actual.remove("metadata");
        expected.remove("metadata");
        assertThat(differences(expected, actual, ""))
                .as("base/keycloak/realm-import.yaml is out of date with deploy/local/keycloak/realm-city.json; regenerate: "
                        + "./mvnw -B -q -pl deploy/kubernetes/validation verify -Dcity.realm.regenerate=true")
                .isEmpty();
    }

    /** JSON pointers where the two trees differ (at most 20), to keep a failure readable. */
    static List<String> differences(JsonNode expected, JsonNode actual, String path) {
        List<String> out = new java.util.ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (!expected.has(k) || !actual.has(k)) {
                    out.add(path + "/" + k + (expected.has(k) ? " missing" : " unexpected"));
                } else {
                    out.addAll(differences(expected.get(k), actual.get(k), path + "/" + k));
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                out.addAll(differences(expected.get(i), actual.get(i), path + "/" + i));
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual));
        }
        return out.size() > 20 ? out.subList(0, 20) : out;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void realmHasNoUsersNoSecretsAndTheLocalClientsRolesAndResources(String overlay) {
        JsonNode spec = Manifests.get(overlay, "KeycloakRealmImport", RealmImports.IMPORT_NAME).path("spec");
        JsonNode realm = spec.path("realm");
        ObjectNode local = RealmImports.localRealm();
        assertThat(spec.path("keycloakCRName").asText()).isEqualTo(Manifests.name(Manifests.ofKind(overlay, "Keycloak").get(0)));
        assertThat(realm.has("users")).as("no fixture users").isFalse();
        assertThat(realm.toString()).as("no fixture passwords").doesNotContain("\"credentials\"");
        assertThat(realm.path("realm").asText()).isEqualTo(local.path("realm").asText());
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        assertThat(names(realm.path("roles").path("realm"), "name")).isEqualTo(names(local.path("roles").path("realm"), "name"));
        assertThat(names(realm.path("clients"), "clientId")).isEqualTo(names(local.path("clients"), "clientId"));
        for (JsonNode client : local.path("clients")) {
            JsonNode k8s = findBy(realm.path("clients"), "clientId", client.path("clientId").asText());
            JsonNode authz = client.path("authorizationSettings");
            JsonNode k8sAuthz = k8s.path("authorizationSettings");
            for (String part : List.of("resources", "policies", "scopes")) {
                assertThat(k8sAuthz.path(part)).as(client.path("clientId").asText() + " " + part).isEqualTo(authz.path(part));
            }
            if (client.hasNonNull("secret")) {
                String placeholder = RealmImports.placeholder(client.path("clientId").asText());
                assertThat(k8s.path("secret").asText()).isEqualTo("${" + placeholder + "}");
                assertThat(spec.path("placeholders").path(placeholder).path("secret").path("name").asText())
                        .isEqualTo(RealmImports.secretName(client.path("clientId").asText()));
                assertThat(k8s.path("secret").asText()).isNotEqualTo(client.path("secret").asText());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceUsesItsClientAndTheSecretTheRealmImportUses(String overlay) {
        JsonNode placeholders = Manifests.get(overlay, "KeycloakRealmImport", RealmImports.IMPORT_NAME).path("spec").path("placeholders");
        for (String service : Manifests.SERVICES) {
            KafkaTest.Config config = KafkaTest.Config.of(overlay, service);
            assertThat(config.get("quarkus.oidc.client-id")).isEqualTo(service);
            assertThat(config.get("quarkus.oidc.token.issuer")).isEqualTo("https://keycloak.example/realms/city");
            assertThat(config.get("quarkus.oidc.auth-server-url")).endsWith("/realms/city").startsWith("https://");
            JsonNode ref = KafkaTest.envVar(KafkaTest.container(overlay, service).path("env"), "quarkus.oidc.credentials.secret")
                    .path("valueFrom").path("secretKeyRef");
            JsonNode placeholder = placeholders.path(RealmImports.placeholder(service)).path("secret");
            assertThat(ref.path("name").asText()).as(service + " reads the Secret the realm import fills its client from")
                    .isEqualTo(placeholder.path("name").asText());
            assertThat(ref.path("key").asText()).isEqualTo(placeholder.path("key").asText());
        }
        JsonNode keycloak = Manifests.get(overlay, "Keycloak", "keycloak").path("spec");
        assertThat(keycloak.path("hostname").path("hostname").asText()).isEqualTo("https://keycloak.example");
        assertThat(keycloak.path("db").path("usernameSecret").path("name").asText()).isEqualTo("keycloak-db-app");
        assertThat(keycloak.path("instances").asInt()).isEqualTo(overlay.equals("prod") ? 2 : 1);
    }

    private static TreeSet<String> names(JsonNode array, String field) {
        TreeSet<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static JsonNode findBy(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value);
    }

}
