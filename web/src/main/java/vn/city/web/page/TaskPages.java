package vn.city.web.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import vn.city.web.client.Dto;
import vn.city.web.client.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nhiệm vụ: tasks by unit and status, overdue ones first, then by deadline; a task's progress, history and
 * extension requests. The lead unit reports progress, submits the result or asks for more time; a leader accepts,
 * returns, grants or refuses.
 */
@Path("/nhiem-vu")
@Produces(MediaType.TEXT_HTML)
public class TaskPages {

    static final List<String> STATUSES = List.of("ASSIGNED", "IN_PROGRESS", "SUBMITTED", "DONE", "CANCELLED");

    @CheckedTemplate(basePath = "tasks", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list(TaskList l);

        static native TemplateInstance task(TaskView t);
    }

    @TemplateData
    public record TaskList(List<Dto.Task> tasks, List<Dto.Unit> units, Map<String, String> unitNames, String unit,
            String status, List<String> statuses, String notice) {
        public String unitName(String code) {
            return code == null ? "–" : unitNames.getOrDefault(code, code);
        }
    }

    @TemplateData
    public record TaskView(Dto.Task task, List<Dto.Progress> progress, Dto.TaskHistory history,
            Map<String, String> unitNames, boolean lead, Map<String, String> typed, Map<String, String> errors,
            String notice, String error) {
        public String unitName(String code) {
            return code == null ? "–" : unitNames.getOrDefault(code, code);
        }

        public String typed(String field) {
            return typed.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public Dto.ExtensionRequest pendingExtension() {
            if (history == null || history.extensionRequests() == null) {
                return null;
            }
            return history.extensionRequests().stream().filter(Dto.ExtensionRequest::pending).findFirst().orElse(null);
        }
    }

    private final Backend backend;
    private final CurrentUser user;

    public TaskPages(Backend backend, CurrentUser user) {
        this.backend = backend;
        this.user = user;
    }

    @GET
    public TemplateInstance list(@QueryParam("don-vi") String unit, @QueryParam("trang-thai") String status,
            @QueryParam("tb") String notice) {
        String tb = backend.taskToken();
        String ib = backend.indicatorToken();
        String u = unit == null || unit.isBlank() ? null : unit;
        String s = status == null || !STATUSES.contains(status) ? null : status;
        String me = backend.user();
        var tasks = backend.async(() -> backend.cached(me, "tasks " + u + " " + s, 5, () -> backend.task.tasks(tb, u, s, null)));
        var units = backend.async(() -> backend.units(me, ib));
        List<Dto.Task> list = new ArrayList<>(tasks.join());
        list.sort(Comparator.comparing((Dto.Task t) -> !t.isOverdue())
                .thenComparing((Dto.Task t) -> !t.open())
                .thenComparing(t -> t.deadline() == null ? LocalDate.MAX : t.deadline()));
        return Templates.list(new TaskList(list, active(units.join()), names(units.join()), u, s, STATUSES, notice));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance task(@PathParam("id") String id, @QueryParam("tb") String notice) {
        return Templates.task(view(id, Map.of(), Map.of(), notice, null));
    }

    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        String apiAction;
        String done;
        switch (action) {
            case "tien-do" -> {
                apiAction = "progress";
                body.put("percent", Forms.get(form, "phan-tram"));
                body.put("text", Forms.get(form, "noi-dung"));
                done = "Đã báo cáo tiến độ.";
            }
            case "hoan-thanh" -> {
                apiAction = "submit";
                body.put("result", Forms.get(form, "ket-qua"));
                done = "Đã báo cáo hoàn thành, chờ lãnh đạo nghiệm thu.";
            }
            case "xin-gia-han" -> {
                apiAction = "extension-requests";
                body.put("newDeadline", Forms.orNull(form, "han-moi"));
                body.put("reason", Forms.get(form, "ly-do"));
                done = "Đã gửi đề nghị gia hạn.";
            }
            case "nghiem-thu" -> {
                apiAction = "accept";
                body.put("note", Forms.orNull(form, "ghi-chu"));
                done = "Đã nghiệm thu nhiệm vụ.";
            }
            case "tra-lai" -> {
                apiAction = "return";
                body.put("reason", Forms.get(form, "ly-do-tra"));
                done = "Đã trả lại nhiệm vụ.";
            }
            default -> {
                return Response.status(404).build();
            }
        }
        String tb = backend.taskToken();
        try {
            if ("progress".equals(apiAction)) {
                String percent = (String) body.get("percent");
                body.put("percent", percent.matches("\\d{1,3}") ? Integer.parseInt(percent) : percent);
            }
            backend.task.act(tb, id, apiAction, body);
            backend.forget();
            return Forms.seeOther("/nhiem-vu/" + id, done);
        } catch (WebApplicationException e) {
            return refused(id, e, form);
        }
    }

    @POST
    @Path("/{id}/gia-han/{rid}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideExtension(@PathParam("id") String id, @PathParam("rid") String rid,
            @PathParam("decision") String decision, MultivaluedMap<String, String> form) {
        boolean grant = "dong-y".equals(decision);
        Map<String, Object> body = new LinkedHashMap<>();
        if (grant) {
            body.put("note", Forms.orNull(form, "ghi-chu-gh"));
        } else {
            body.put("reason", Forms.get(form, "ghi-chu-gh"));
        }
        try {
            backend.task.decideExtension(backend.taskToken(), id, rid, grant ? "grant" : "refuse", body);
            backend.forget();
            return Forms.seeOther("/nhiem-vu/" + id, grant ? "Đã đồng ý gia hạn." : "Đã từ chối gia hạn.");
        } catch (WebApplicationException e) {
            return refused(id, e, form);
        }
    }

    private Response refused(String id, WebApplicationException e, MultivaluedMap<String, String> form) {
        Problem p = Problem.of(e);
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> fieldNames = Map.of("percent", "phan-tram", "text", "noi-dung", "result", "ket-qua",
                "newDeadline", "han-moi", "reason", typed.containsKey("ly-do-tra") ? "ly-do-tra" : "ly-do", "note", "ghi-chu");
        List<String> other = new ArrayList<>();
        p.fieldErrors().forEach((f, m) -> {
            if (fieldNames.containsKey(f)) {
                errors.put(fieldNames.get(f), m);
            } else {
                other.add(m);
            }
        });
        String error = p.message() + (other.isEmpty() ? "" : " " + String.join(" ", other));
        return Forms.page(p.status(), Templates.task(view(id, typed, errors, null, error)));
    }

    private TaskView view(String id, Map<String, String> typed, Map<String, String> errors, String notice, String error) {
        String tb = backend.taskToken();
        String ib = backend.indicatorToken();
        String me = backend.user();
        // kept 10 s for this user only (like the task list); the user's own actions on it forget it (act, decideExtension)
        var task = backend.async(() -> backend.cached(me, "task " + id, 10, () -> backend.task.task(tb, id)));
        var progress = backend.async(() -> backend.cached(me, "task progress " + id, 10, () -> backend.task.progress(tb, id)));
        var history = backend.async(() -> backend.cached(me, "task history " + id, 10, () -> backend.task.history(tb, id)));
        var units = backend.async(() -> backend.units(me, ib));
        Dto.Task t = task.join();
        boolean lead = user.officer() && user.department().equals(t.leadUnit());
        return new TaskView(t, progress.join(), history.join(), names(units.join()), lead, typed, errors, notice, error);
    }

    static Map<String, String> names(List<Dto.Unit> units) {
        Map<String, String> names = new LinkedHashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    static List<Dto.Unit> active(List<Dto.Unit> units) {
        List<Dto.Unit> out = new ArrayList<>(units);
        out.removeIf(u -> Boolean.FALSE.equals(u.active()));
        return out;
    }
}
