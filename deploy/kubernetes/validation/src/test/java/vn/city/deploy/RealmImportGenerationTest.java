package vn.city.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@code -Dcity.realm.regenerate=true}: rewrites base/keycloak/realm-import.yaml from the local realm. */
class RealmImportGenerationTest {

    @Test
    @EnabledIfSystemProperty(named = "city.realm.regenerate", matches = "true")
    void regenerateRealmImport() {
        RealmImports.writeImportFile();
    }
}
