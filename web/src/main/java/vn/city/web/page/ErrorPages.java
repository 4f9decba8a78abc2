package vn.city.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.city.web.client.Problem;

import java.util.concurrent.CompletionException;

/**
 * A refusal no form handles itself (a page the user may not see, a meeting that does not exist, a service that does
 * not answer) becomes a page in Vietnamese with the status the service gave, never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance error(int status, String message);
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        Problem p = Problem.of(e);
        return page(p.status(), p.status() == 404 ? "Không tìm thấy trang hoặc dữ liệu." : p.message());
    }

    @ServerExceptionMapper
    public Response failed(CompletionException e) {
        if (e.getCause() instanceof WebApplicationException w) {
            return refused(w);
        }
        return unavailable(e.getCause() == null ? e : e.getCause());
    }

    @ServerExceptionMapper({jakarta.ws.rs.ProcessingException.class, java.net.ConnectException.class})
    public Response unavailable(Throwable e) {
        LOG.warnf("a service did not answer: %s", e.toString());
        return page(503, Problem.sentence(503));
    }

    private static Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, message)).build();
    }
}
