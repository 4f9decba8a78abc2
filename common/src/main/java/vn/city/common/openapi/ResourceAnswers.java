package vn.city.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.ParameterizedType;
import org.jboss.jandex.Type;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a resource method answers when it succeeds, read from the code: the status its {@code @ResponseStatus} sets
 * (the scanner documents 200 whatever it says) and, where the document has no success answer at all (an
 * {@code @APIResponse} for an error hides the scanner's default), the schema of the type it returns.
 */
final class ResourceAnswers {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName PRODUCES = DotName.createSimple("jakarta.ws.rs.Produces");
    private static final DotName RESPONSE_STATUS = DotName.createSimple("org.jboss.resteasy.reactive.ResponseStatus");
    private static final Map<String, PathItem.HttpMethod> METHODS = Map.of(
            "jakarta.ws.rs.GET", PathItem.HttpMethod.GET, "jakarta.ws.rs.POST", PathItem.HttpMethod.POST,
            "jakarta.ws.rs.PUT", PathItem.HttpMethod.PUT, "jakarta.ws.rs.DELETE", PathItem.HttpMethod.DELETE,
            "jakarta.ws.rs.PATCH", PathItem.HttpMethod.PATCH);
    private static final Set<String> WRAPPERS = Set.of("io.smallrye.mutiny.Uni",
            "java.util.concurrent.CompletionStage", "java.util.concurrent.CompletableFuture",
            "org.jboss.resteasy.reactive.RestResponse");
    private static final Set<String> UNKNOWN = Set.of("jakarta.ws.rs.core.Response",
            "org.jboss.resteasy.reactive.RestResponse", "java.lang.Void", "void", "java.lang.Object");

    private ResourceAnswers() {
    }

    static void apply(IndexView index, OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            for (MethodInfo method : resource.methods()) {
                for (Map.Entry<String, PathItem.HttpMethod> http : METHODS.entrySet()) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple(http.getKey()))) {
                        String full = join(path.value().asString(), method.declaredAnnotation(PATH));
                        PathItem item = api.getPaths().getPathItem(full);
                        Operation operation = item == null ? null : item.getOperations().get(http.getValue());
                        if (operation != null) {
                            answer(resource, method, operation, api);
                        }
                    }
                }
            }
        }
    }

    private static void answer(ClassInfo resource, MethodInfo method, Operation operation, OpenAPI api) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Type returned = unwrap(method.returnType());
        boolean known = !UNKNOWN.contains(returned.name().toString()) && returned.kind() != Type.Kind.VOID;
        AnnotationInstance status = method.declaredAnnotation(RESPONSE_STATUS);
        List<String> documented = responses.getAPIResponses().keySet().stream()
                .filter(k -> k.startsWith("2") && !"204".equals(k)).toList();
        String code = status != null ? Integer.toString(status.value().asInt())
                : documented.size() == 1 ? documented.get(0) : known ? "200" : null;
        if (code == null) {
            return;
        }
        APIResponse scanned = responses.getAPIResponse("200");
        if (!"200".equals(code) && scanned != null && responses.getAPIResponse(code) == null) {
            // The scanner's default says 200; the method answers another success status.
            responses.removeAPIResponse("200");
            responses.addAPIResponse(code, scanned);
        }
        APIResponse success = responses.getAPIResponse(code);
        // A 204 beside a method that returns a body is the "nothing" case (NOT_AGGREGATED), not its success answer.
        boolean hasSuccess = responses.getAPIResponses().keySet().stream()
                .anyMatch(k -> k.startsWith("2") && !"204".equals(k));
        if (success == null && hasSuccess) {
            return;
        }
        if (success == null) {
            success = OASFactory.createAPIResponse().description("201".equals(code) ? "Created" : "OK");
            responses.addAPIResponse(code, success);
        }
        if ((success.getContent() == null || success.getContent().getMediaTypes() == null
                || success.getContent().getMediaTypes().isEmpty()) && known) {
            Schema schema = schema(returned, api);
            if (schema != null) {
                Content content = OASFactory.createContent();
                for (String media : produces(resource, method)) {
                    content.addMediaType(media, OASFactory.createMediaType().schema(schema));
                }
                success.setContent(content);
            }
        }
    }

    private static Type unwrap(Type type) {
        while (type.kind() == Type.Kind.PARAMETERIZED_TYPE && WRAPPERS.contains(type.name().toString())) {
            type = type.asParameterizedType().arguments().get(0);
        }
        return type;
    }

    private static Schema schema(Type type, OpenAPI api) {
        String name = type.name().toString();
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE && (name.equals("java.util.List") || name.equals("java.util.Set")
                || name.equals("java.util.Collection"))) {
            ParameterizedType p = type.asParameterizedType();
            Schema items = schema(p.arguments().get(0), api);
            return items == null ? null : OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items);
        }
        switch (name) {
            case "java.lang.String":
                return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            case "int", "long", "java.lang.Integer", "java.lang.Long":
                return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
            case "boolean", "java.lang.Boolean":
                return OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
            default:
                break;
        }
        String simple = type.name().withoutPackagePrefix();
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        if (api.getComponents() != null && api.getComponents().getSchemas() != null
                && api.getComponents().getSchemas().containsKey(simple)) {
            return OASFactory.createSchema().ref("#/components/schemas/" + simple);
        }
        return null;
    }

    private static List<String> produces(ClassInfo resource, MethodInfo method) {
        AnnotationInstance produces = method.declaredAnnotation(PRODUCES);
        if (produces == null) {
            produces = resource.declaredAnnotation(PRODUCES);
        }
        if (produces == null || produces.value() == null) {
            return List.of("application/json");
        }
        return List.of(produces.value().asStringArray());
    }

    private static String join(String base, AnnotationInstance methodPath) {
        String p = base.startsWith("/") ? base : "/" + base;
        if (methodPath != null && methodPath.value() != null) {
            String m = methodPath.value().asString();
            p = (p.endsWith("/") ? p.substring(0, p.length() - 1) : p) + (m.startsWith("/") ? m : "/" + m);
        }
        // {id: [0-9]+} → {id}
        return p.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
