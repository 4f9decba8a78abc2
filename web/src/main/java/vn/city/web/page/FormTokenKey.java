package vn.city.web.page;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/** The key of the forms' tokens ({@link FormToken}): HMAC-SHA256, derived from the OIDC client secret. */
@Singleton
public class FormTokenKey {

    private final SecretKeySpec key;

    public FormTokenKey(@ConfigProperty(name = "quarkus.oidc.credentials.secret") String clientSecret) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("city-web form token\u0000" + clientSecret).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean matches(String session, String sent) {
        return MessageDigest.isEqual(tokenFor(session).getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }
}
