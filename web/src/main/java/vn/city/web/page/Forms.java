package vn.city.web.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers of the pages' forms: redirect after a successful post, read a field. */
final class Forms {

    private Forms() {
    }

    /** 303 to {@code path} with a message shown once ({@code ?tb=}). */
    static Response seeOther(String path, String message) {
        String sep = path.contains("?") ? "&" : "?";
        String target = message == null ? path
                : path + sep + "tb=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
        int hash = path.indexOf('#');
        if (hash >= 0 && message != null) {
            String base = path.substring(0, hash);
            String sep2 = base.contains("?") ? "&" : "?";
            target = base + sep2 + "tb=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + path.substring(hash);
        }
        return Response.seeOther(URI.create(target)).build();
    }

    static Response page(int status, Object entity) {
        return Response.status(status).entity(entity).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    static String get(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.trim();
    }

    static String orNull(MultivaluedMap<String, String> form, String name) {
        String v = get(form, name);
        return v.isEmpty() ? null : v;
    }
}
