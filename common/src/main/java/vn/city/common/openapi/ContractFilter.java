package vn.city.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;
import vn.city.common.problem.Problem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every service's generated OpenAPI document say what the service does, for what the annotations cannot
 * say once per operation:
 * <ul>
 *   <li>every {@code /api} operation requires the OIDC bearer scheme (the realm's token), and answers 400, 401 and
 *       403 with a problem (any parameter can break the input rules; a token can be missing or lack the right),
 *       404 when its path names a resource, 409 when it changes state, 413 and 422 when it takes a body;</li>
 *   <li>every problem answer is {@code application/problem+json} with the {@code Problem} schema;</li>
 *   <li>every object a 2xx answer returns lists all its properties as {@code required} (records always write
 *       every component; not for a schema a client also sends), and a property that may be null says so
 *       ({@code nullable}) unless its Java type is primitive; arrays are taken as never null.</li>
 * </ul>
 * The success answer of each resource method is read from its code ({@link ResourceAnswers}): the status of
 * {@code @ResponseStatus} (201 for a create, not the scanner's 200) and the schema of what it returns.
 * Operation ids come from {@code mp.openapi.extensions.smallrye.operationIdStrategy}, servers from
 * {@code mp.openapi.servers}. The documents are checked by Redocly's linter and by every API test, which validates
 * each response against the running service's document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private final IndexView index;

    public ContractFilter() {
        this(null);
    }

    /** Quarkus passes the application's index, so the answers the resources really give can be read from it. */
    public ContractFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        if (index != null) {
            ResourceAnswers.apply(index, api);
        }
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema("FieldViolation", fieldViolationSchema());
        String scheme = components.getSecuritySchemes() == null || components.getSecuritySchemes().isEmpty()
                ? null : components.getSecuritySchemes().keySet().iterator().next();

        Set<String> returned = new HashSet<>();
        Set<String> received = new HashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                    Operation operation = op.getValue();
                    if (scheme != null && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
                        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme));
                    }
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        for (MediaType media : operation.getRequestBody().getContent().getMediaTypes().values()) {
                            collect(media.getSchema(), components, received);
                        }
                    }
                    APIResponses responses = operation.getResponses();
                    if (responses == null) {
                        responses = OASFactory.createAPIResponses();
                        operation.setResponses(responses);
                    }
                    problem(responses, "400", "The request cannot be read (parameters, body, input rules)");
                    problem(responses, "401", "No valid bearer token");
                    problem(responses, "403", "The token does not grant this operation, or not for this unit");
                    if (path.getKey().contains("{")) {
                        problem(responses, "404", "Not found");
                    }
                    if (op.getKey() != PathItem.HttpMethod.GET) {
                        problem(responses, "409", "The current state does not allow it (a lifecycle step, a duplicate)");
                    }
                    if (operation.getRequestBody() != null) {
                        problem(responses, "413", "The body is too large");
                        problem(responses, "422", "The body breaks a rule");
                    }
                    for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                        if ((r.getKey().startsWith("4") || r.getKey().startsWith("5")) && !declaresOwnBody(r.getValue())) {
                            problemContent(r.getValue());
                        } else if (r.getKey().startsWith("2") && r.getValue().getContent() != null) {
                            for (MediaType media : r.getValue().getContent().getMediaTypes().values()) {
                                collect(media.getSchema(), components, returned);
                            }
                        }
                    }
                }
            }
        }
        if (components.getSchemas() != null) {
            for (String name : returned) {
                Schema schema = components.getSchemas().get(name);
                if (schema != null && !PROBLEM.equals(name) && !"FieldViolation".equals(name)) {
                    // A schema a client also sends keeps its own required list: only the server's answers are total.
                    requireAndAllowNull(schema, !received.contains(name), components, primitives(name), omitted(name));
                }
            }
            // Second pass: a property that refers to an object and may be null gets a copy of that object's (now
            // final) schema with nullable: the response validator does not accept null for "allOf: [ref], nullable".
            for (String name : returned) {
                Schema schema = components.getSchemas().get(name);
                if (schema == null || schema.getProperties() == null) {
                    continue;
                }
                Map<String, Schema> properties = new LinkedHashMap<>();
                for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
                    properties.put(p.getKey(), inlineNullableObject(p.getValue(), components));
                }
                schema.setProperties(properties);
            }
        }
    }

    private static Schema inlineNullableObject(Schema property, Components components) {
        if (property.getRef() != null || property.getAllOf() == null || property.getAllOf().size() != 1
                || property.getType() == null || !property.getType().contains(Schema.SchemaType.NULL)) {
            return property;
        }
        String ref = property.getAllOf().get(0).getRef();
        if (ref == null) {
            return property;
        }
        Schema target = components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target == null || target.getProperties() == null) {
            return property;
        }
        Schema copy = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).addType(Schema.SchemaType.NULL)
                .description(property.getDescription() != null ? property.getDescription() : target.getDescription())
                .properties(new LinkedHashMap<>(target.getProperties()));
        if (target.getRequired() != null) {
            copy.setRequired(new ArrayList<>(target.getRequired()));
        }
        return copy;
    }

    /**
     * The properties of the class behind a schema (by simple name) whose Java type is primitive: those cannot be
     * null. Without the index, none are known.
     */
    private Set<String> primitives(String schemaName) {
        Set<String> out = new HashSet<>();
        for (ClassInfo c : classesBehind(schemaName)) {
            if (c.isRecord()) {
                c.recordComponents().stream().filter(rc -> rc.type().kind() == Type.Kind.PRIMITIVE)
                        .forEach(rc -> out.add(rc.name()));
            } else {
                c.fields().stream().filter(f -> f.type().kind() == Type.Kind.PRIMITIVE).forEach(f -> out.add(f.name()));
            }
        }
        return out;
    }

    /** The project's classes whose simple name is the schema's (none without the index). */
    private List<ClassInfo> classesBehind(String schemaName) {
        if (index == null) {
            return List.of();
        }
        return index.getKnownClasses().stream().filter(c -> {
            String n = c.name().toString();
            return n.startsWith("vn.city.")
                    && n.substring(Math.max(n.lastIndexOf('.'), n.lastIndexOf('$')) + 1).equals(schemaName);
        }).toList();
    }

    private static final org.jboss.jandex.DotName JSON_INCLUDE =
            org.jboss.jandex.DotName.createSimple("com.fasterxml.jackson.annotation.JsonInclude");

    /**
     * The properties of the class behind a schema that Jackson leaves out of the JSON when empty
     * ({@code @JsonInclude(NON_NULL)} and its kin, on the class or the property): not required, since the answer may
     * lack them. Primitives are written whatever NON_NULL says.
     */
    private Set<String> omitted(String schemaName) {
        Set<String> out = new HashSet<>();
        for (ClassInfo c : classesBehind(schemaName)) {
            String classLevel = include(c.declaredAnnotation(JSON_INCLUDE));
            for (org.jboss.jandex.FieldInfo f : c.fields()) {
                if (java.lang.reflect.Modifier.isStatic(f.flags())) {
                    continue;
                }
                String own = include(f.annotation(JSON_INCLUDE));
                String rule = own != null ? own : classLevel;
                boolean primitive = f.type().kind() == Type.Kind.PRIMITIVE;
                if (rule != null && (!primitive || "NON_DEFAULT".equals(rule))) {
                    out.add(f.name());
                }
            }
        }
        return out;
    }

    /** The inclusion a {@code @JsonInclude} asks for when it leaves values out, else null. */
    private static String include(org.jboss.jandex.AnnotationInstance a) {
        if (a == null || a.value() == null) {
            return null;
        }
        String v = a.value().asEnum();
        return Set.of("NON_NULL", "NON_ABSENT", "NON_EMPTY", "NON_DEFAULT").contains(v) ? v : null;
    }

    private static void requireAndAllowNull(Schema schema, boolean requireAll, Components components,
                                            Set<String> primitives, Set<String> omitted) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        if (requireAll) {
            List<String> required = new ArrayList<>(schema.getProperties().keySet());
            required.removeAll(omitted);
            schema.setRequired(required.isEmpty() ? null : required);
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
            properties.put(p.getKey(), primitives.contains(p.getKey()) ? p.getValue() : nullable(p.getValue(), components));
        }
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property, Components components) {
        if (property.getRef() == null && property.getAllOf() != null && property.getAllOf().size() == 1
                && property.getAllOf().get(0).getRef() != null && property.getProperties() == null) {
            // A reference the scanner wrapped in allOf to give it a description or nullable (the validator checks null
            // against the referenced schema and refuses it): written out below like the reference itself.
            property = OASFactory.createSchema().ref(property.getAllOf().get(0).getRef())
                    .description(property.getDescription());
        }
        if (property.getRef() != null) {
            String name = property.getRef().substring(property.getRef().lastIndexOf('/') + 1);
            Schema target = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (target == null || target.getType() == null || target.getType().contains(Schema.SchemaType.OBJECT)
                    || target.getType().contains(Schema.SchemaType.ARRAY)) {
                // An object: its own schema, or null (OpenAPI 3.0 wants a type beside nullable).
                return OASFactory.createSchema().description(property.getDescription())
                        .addType(Schema.SchemaType.OBJECT).addType(Schema.SchemaType.NULL)
                        .allOf(List.of(OASFactory.createSchema().ref(property.getRef())));
            }
            // A scalar (a string format such as a date or UUID, an enum): written out, so it can say null.
            Schema copy = OASFactory.createSchema().description(property.getDescription() != null
                    ? property.getDescription() : target.getDescription());
            target.getType().forEach(copy::addType);
            copy.setFormat(target.getFormat());
            copy.setPattern(target.getPattern());
            if (target.getEnumeration() != null) {
                copy.setEnumeration(new ArrayList<>(target.getEnumeration()));
            }
            copy.setExamples(target.getExamples());
            property = copy;
        }
        List<Schema.SchemaType> types = property.getType();
        if (types == null || types.isEmpty() || types.contains(Schema.SchemaType.NULL)
                || types.contains(Schema.SchemaType.ARRAY)) {
            return property;
        }
        property.addType(Schema.SchemaType.NULL);
        if (property.getEnumeration() != null && !property.getEnumeration().isEmpty()
                && !property.getEnumeration().contains(null)) {
            property.addEnumeration(null);
        }
        return property;
    }

    /** The names of the component schemas a 2xx answer can contain, followed through refs, arrays and objects. */
    private static void collect(Schema schema, Components components, Set<String> names) {
        Deque<Schema> todo = new ArrayDeque<>();
        if (schema != null) {
            todo.push(schema);
        }
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null) {
                String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                if (names.add(name) && components.getSchemas() != null && components.getSchemas().get(name) != null) {
                    todo.push(components.getSchemas().get(name));
                }
                continue;
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::push);
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                todo.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : new ArrayList<List<Schema>>(java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(),
                    s.getOneOf()))) {
                if (group != null) {
                    group.forEach(todo::push);
                }
            }
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    /**
     * An error answer whose resource declares a JSON body of its own (DHIS2's {@code ImportSummary} with status ERROR
     * on a 409, as DHIS2 clients expect): that body, not a problem.
     */
    private static boolean declaresOwnBody(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return false;
        }
        return response.getContent().getMediaTypes().entrySet().stream()
                .anyMatch(m -> !Problem.MEDIA_TYPE.equals(m.getKey()) && m.getValue().getSchema() != null
                        && m.getValue().getSchema().getRef() != null && !m.getValue().getSchema().getRef().endsWith("/" + PROBLEM));
    }

    private static void problemContent(APIResponse response) {
        if (response.getDescription() == null) {
            response.setDescription("A problem (RFC 9457)");
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        response.setContent(content);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors name each offending field and the rule it broke")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldViolation")));
    }

    private static Schema fieldViolationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("field", "rule"))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
