package vn.city.common.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests to a service's API as a fixture user (a real token from the local Keycloak), every response checked
 * against the service's own OpenAPI document ({@code /q/openapi} of the same server): a status, a header or a body
 * the document does not promise fails the test. Requests are not checked, so tests can still send bad input.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    /** On unless {@code -Dcity.openapi.validate=false}. */
    private static final boolean VALIDATE = Boolean.parseBoolean(System.getProperty("city.openapi.validate", "false"));

    private Api() {
    }

    /** A request as the fixture user ({@code leader}, {@code officer-fin}, …), JSON in and out, response validated. */
    public static RequestSpecification as(String user) {
        return anonymous().auth().oauth2(Tokens.of(user));
    }

    /** A request without a token, JSON in and out, response validated. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().filter(DocumentFilter.INSTANCE).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** The filter that checks every response against the document, for a request built another way. */
    public static Filter validatingFilter() {
        return DocumentFilter.INSTANCE;
    }

    /** How many responses this JVM has checked against a document. */
    public static int validatedResponses() {
        return counter().get();
    }

    /**
     * The counter lives in the system properties, shared by every class loader of the test JVM (Quarkus loads test
     * classes anew for each application start); at exit the total is logged and written to
     * {@code target/openapi-validated-responses.txt}.
     */
    private static AtomicInteger counter() {
        Object c = System.getProperties().get("city.openapi.validated");
        if (c instanceof AtomicInteger counter) {
            return counter;
        }
        synchronized (System.getProperties()) {
            c = System.getProperties().get("city.openapi.validated");
            if (c instanceof AtomicInteger counter) {
                return counter;
            }
            AtomicInteger counter = new AtomicInteger();
            System.getProperties().put("city.openapi.validated", counter);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> report(counter.get())));
            return counter;
        }
    }

    private static void report(int count) {
        String line = "OpenAPI response validation: " + count + " responses validated against the service's document";
        System.out.println(line);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("openapi-validated-responses.txt"), count + "\n");
            }
        } catch (IOException e) {
            // the log line above is the record
        }
    }

    private static OpenApiInteractionValidator validator(String base) {
        return VALIDATORS.computeIfAbsent(base, b -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(b + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            String document;
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(b + "/q/openapi answered " + response.statusCode());
                }
                document = response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        });
    }

    /** Validates each response against the document of the server that answered it. */
    private static final class DocumentFilter implements Filter {
        static final DocumentFilter INSTANCE = new DocumentFilter();

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext ctx) {
            if (!VALIDATE) {
                return ctx.next(request, response);
            }
            URI uri = URI.create(request.getURI());
            String base = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
            Response answer = new OpenApiValidationFilter(validator(base)).filter(request, response, ctx);
            counter().incrementAndGet();
            return answer;
        }
    }
}
