package vn.city.web.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Set;

/**
 * Every request that could change something (anything but GET, HEAD, OPTIONS) must carry the session's form token
 * ({@link FormToken}) as the form field {@code csrf-token}; otherwise it is refused with 403 and a page that asks the
 * user to reload the form. Runs once the form (URL-encoded or multipart) has been read.
 */
public class FormTokenCheck {

    private static final Logger LOG = Logger.getLogger(FormTokenCheck.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final FormToken token;

    public FormTokenCheck(FormToken token) {
        this.token = token;
    }

    @WithFormRead
    @ServerRequestFilter
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        Object sent = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(FormToken.FIELD, true, false);
        if (sent instanceof String s && token.matches(s)) {
            return null;
        }
        LOG.warnf("refused %s %s: %s", request.getMethod(), request.getUriInfo().getPath(),
                sent == null ? "no form token" : "a form token of another session");
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ErrorPages.Templates.error(403, "Biểu mẫu đã hết hiệu lực hoặc không được gửi từ trang "
                        + "của hệ thống. Vui lòng tải lại trang và thực hiện lại.")).build();
    }
}
