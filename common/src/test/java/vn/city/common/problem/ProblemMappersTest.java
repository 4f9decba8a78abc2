package vn.city.common.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import vn.city.common.input.StrictJson;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers to bodies Jackson refuses, as Quarkus's JSON reader hands them over: everything but a mismatched input
 * arrives wrapped in a 400 {@link WebApplicationException}, and the answer still names the field and the rule.
 */
class ProblemMappersTest {

    record Directive(String content, String leadUnit, List<String> units) {
    }

    record Conclusion(String summary, List<Directive> directives) {
    }

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper());
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aControlCharacterIs422NamingTheFieldPath() {
        Problem p = answer("{\"summary\":\"ok\",\"directives\":[{\"content\":\"a\",\"units\":[\"FIN\",\"X\\u0000\"]}]}");
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("control-character");
            assertThat(e.field()).isEqualTo("directives[0].units[1]");
        });
        Problem top = answer("{\"summary\":\"Nội dung\\u0000tiếp\"}");
        assertThat(top.status()).isEqualTo(422);
        assertThat(top.errors().get(0).field()).isEqualTo("summary");
    }

    @Test
    void aDuplicateKeyIs400NamingTheKeyWhereItSits() {
        Problem top = answer("{\"summary\":\"CUL\",\"summary\":\"FIN\"}");
        assertThat(top.status()).isEqualTo(400);
        assertThat(top.errors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("duplicate-key");
            assertThat(e.field()).isEqualTo("summary");
        });
        Problem nested = answer("{\"directives\":[{\"content\":\"a\"},{\"leadUnit\":\"CUL\",\"leadUnit\":\"FIN\"}]}");
        assertThat(nested.errors().get(0).field()).isEqualTo("directives[1].leadUnit");
    }

    @Test
    void otherWrappedJacksonErrorsKeepAFieldAndRuleAndPlainOnesStayPlain() {
        Problem syntax = answer("{\"summary\":\"a\" \"b\"}");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.errors()).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("json-syntax"));
        Problem plain = (Problem) mappers.webApplication(new WebApplicationException(404), null).getEntity();
        assertThat(plain.status()).isEqualTo(404);
        assertThat(plain.errors()).isEmpty();
    }

    /** Reads the body as Quarkus's reader does and maps what it throws. */
    private Problem answer(String body) {
        Response r;
        try {
            mapper.readValue(body, Conclusion.class);
            throw new AssertionError("read " + body);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            r = mappers.mismatched(e, null);
        } catch (java.io.IOException e) {
            r = mappers.webApplication(new WebApplicationException(e, Response.Status.BAD_REQUEST), null);
        }
        assertThat(String.valueOf(r.getMediaType())).isEqualTo(Problem.MEDIA_TYPE);
        return (Problem) r.getEntity();
    }
}
