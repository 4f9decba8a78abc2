package vn.city.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Derives the Kubernetes realm (KeycloakRealmImport) from the local realm {@code deploy/local/keycloak/realm-city.json}:
 * the same realm, roles, client scopes, components and clients (with their authorization resources, policies and
 * permissions), minus the local fixture users, with every confidential client's secret replaced by a placeholder
 * the Keycloak Operator fills from a Secret, TLS required for external requests, and hardened ({@link #harden}:
 * brute-force protection, password policy, no password grant).
 * <p>
 * Regenerate {@code base/keycloak/realm-import.yaml} after the local realm changed:
 * {@code ./mvnw -B -q -pl deploy/kubernetes/validation verify -Dcity.realm.regenerate=true}
 */
final class RealmImports {

    static final String KEYCLOAK_CR = "keycloak";
    static final String IMPORT_NAME = "city-realm";

    private RealmImports() {
    }

    static Path localRealmFile() {
        return Manifests.repoRoot().resolve("deploy/local/keycloak/realm-city.json");
    }

    static Path importFile() {
        return Manifests.kubernetesDir().resolve("base/keycloak/realm-import.yaml");
    }

    /** Placeholder name of a client's secret: task-service → TASK_SERVICE_CLIENT_SECRET. */
    static String placeholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_CLIENT_SECRET";
    }

    /** The Secret holding a client's secret (key {@code client-secret}); the service's Deployment reads the same one. */
    static String secretName(String clientId) {
        return clientId + "-oidc";
    }

    static ObjectNode localRealm() {
        try {
            return (ObjectNode) Manifests.JSON.readTree(localRealmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production realm derived from the local one. */
    static ObjectNode toKubernetesRealm(ObjectNode local) {
        ObjectNode realm = local.deepCopy();
        realm.remove("_comment");
        realm.remove("users");
        if (realm.path("attributes").isObject()) {
            ObjectNode attributes = (ObjectNode) realm.get("attributes");
            attributes.remove("_comment");
            if (attributes.isEmpty()) {
                realm.remove("attributes");
            }
        }
        if (realm.has("displayName")) {
            realm.put("displayName", realm.path("displayName").asText().replaceAll("\\s*\\((?i:local)\\)", ""));
        }
        realm.put("sslRequired", "external");
        harden(realm);
        for (JsonNode client : realm.path("clients")) {
            ObjectNode c = (ObjectNode) client;
            if (c.hasNonNull("secret")) {
                c.put("secret", "${" + placeholder(c.path("clientId").asText()) + "}");
            }
            if (c.has("description")) {
                c.put("description", c.path("description").asText().replaceAll(";?\\s*LOCAL secret", ""));
            }
        }
        return realm;
    }

    /** The password policy of the Kubernetes realm (NIST SP 800-63B: length over composition rules). */
    static final String PASSWORD_POLICY =
            "length(12) and maxLength(128) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)";

    /**
     * What the local realm leaves open for the tests and the Kubernetes realm closes: brute-force detection (temporary
     * lockout growing from 1 min to 15 min after 5 failures), a password policy, and no password grant: people sign
     * in with the authorization code flow and PKCE (public clients; city-cli also with the device flow, for a
     * terminal), machines with client credentials (confidential clients, service accounts).
     */
    static void harden(ObjectNode realm) {
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("quickLoginCheckMilliSeconds", 1000);
        realm.put("minimumQuickLoginWaitSeconds", 60);
        realm.put("passwordPolicy", PASSWORD_POLICY);
        for (JsonNode client : realm.path("clients")) {
            ObjectNode c = (ObjectNode) client;
            c.put("directAccessGrantsEnabled", false);
            c.put("implicitFlowEnabled", false);
            ObjectNode attributes = c.has("attributes") && c.get("attributes").isObject()
                    ? (ObjectNode) c.get("attributes") : c.putObject("attributes");
            if (c.path("publicClient").asBoolean(false)) {
                c.put("standardFlowEnabled", true);
                attributes.put("pkce.code.challenge.method", "S256");
                if (!c.path("redirectUris").isArray() || c.path("redirectUris").isEmpty()) {
                    // a command-line client listens on the loopback interface for the code (RFC 8252)
                    c.putArray("redirectUris").add("http://127.0.0.1/*").add("http://localhost/*");
                }
                if ("city-cli".equals(c.path("clientId").asText())) {
                    attributes.put("oauth2.device.authorization.grant.enabled", "true");
                }
            } else if (c.path("standardFlowEnabled").asBoolean(false)) {
                // a confidential web application signs people in: code flow, PKCE as well
                attributes.put("pkce.code.challenge.method", "S256");
            } else {
                c.put("serviceAccountsEnabled", true);
            }
        }
    }

    /** Client id → placeholder name, for every client that has a secret in the local realm. */
    static Map<String, String> secretPlaceholders(ObjectNode local) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (JsonNode client : local.path("clients")) {
            if (client.hasNonNull("secret")) {
                String id = client.path("clientId").asText();
                placeholders.put(id, placeholder(id));
            }
        }
        return placeholders;
    }

    static ObjectNode importResource(ObjectNode local) {
        ObjectNode cr = Manifests.JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = cr.putObject("metadata");
        metadata.put("name", IMPORT_NAME);
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_CR);
        ObjectNode placeholders = spec.putObject("placeholders");
        secretPlaceholders(local).forEach((clientId, name) -> {
            ObjectNode secret = placeholders.putObject(name).putObject("secret");
            secret.put("name", secretName(clientId));
            secret.put("key", "client-secret");
        });
        spec.set("realm", toKubernetesRealm(local));
        return cr;
    }

    static void writeImportFile() {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
        String header = """
                # GENERATED from deploy/local/keycloak/realm-city.json by deploy/kubernetes/validation (RealmImports).
                # Do not edit: change the local realm, then regenerate with
                #   ./mvnw -B -q -pl deploy/kubernetes/validation verify -Dcity.realm.regenerate=true
                # Same realm as locally, minus the fixture users, hardened (RealmImports.harden: brute-force protection,
                # password policy, no password grant: code flow + PKCE for people, client credentials for machines);
                # client secrets are placeholders filled by the Keycloak Operator from the Secrets <client>-oidc (key
                # client-secret), which the services read too.
                # The operator imports a realm only if it does not exist yet: later changes go through the admin API.
                """;
        try {
            Files.writeString(importFile(), header + yaml.writeValueAsString(importResource(localRealm())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode clients(JsonNode realm) {
        return (ArrayNode) realm.path("clients");
    }
}
