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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Giao ban: the meetings; a meeting's briefing pack (off-track indicators first, a unit breakdown on demand), the
 * narrative, the items for opinion with each opinion and the outcome, the conclusion's directives (drafted by the
 * secretariat, published by the leader), and a print layout of the pack and the narrative.
 */
@Path("/giao-ban")
@Produces(MediaType.TEXT_HTML)
public class MeetingPages {

    @CheckedTemplate(basePath = "meetings", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance list(List<Dto.Meeting> meetings, String notice);

        static native TemplateInstance meeting(View v);

        static native TemplateInstance print(View v);
    }

    /** One row of the conclusion form: a directive as typed, and the refusal of each of its fields. */
    @TemplateData
    public record DirectiveRow(int index, String directiveId, String title, String content, String leadUnit,
            String deadline, boolean ongoing, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    @TemplateData
    public record View(Dto.Meeting meeting, Dto.Pack pack, List<Dto.PackLine> lines, Dto.Narrative narrative,
            Dto.Conclusion conclusion, List<DirectiveRow> rows, String text, List<Dto.Unit> units,
            Map<String, String> unitNames, String breakdownCode, List<OverviewPage.UnitLine> breakdown,
            String notice, String error, boolean attends) {
        public String unitName(String code) {
            return code == null ? "–" : unitNames.getOrDefault(code, code);
        }

        public boolean draftable() {
            return conclusion == null || !conclusion.published();
        }
    }

    private record Concluded(Dto.Pack pack, Dto.Narrative narrative, Dto.ConclusionHistory conclusion) {
    }

    private final Backend backend;
    private final CurrentUser user;

    public MeetingPages(Backend backend, CurrentUser user) {
        this.backend = backend;
        this.user = user;
    }

    @GET
    public TemplateInstance list(@QueryParam("tb") String notice) {
        String mb = backend.meetingToken();
        List<Dto.Meeting> meetings = new ArrayList<>(backend.cached(backend.user(), "meetings", 10,
                () -> backend.meeting.meetings(mb, null)));
        meetings.sort(Comparator.comparing((Dto.Meeting m) -> m.startsAt() == null ? java.time.OffsetDateTime.MIN : m.startsAt())
                .reversed());
        return Templates.list(meetings, notice);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance meeting(@PathParam("id") String id, @QueryParam("chi-tiet") String breakdown,
            @QueryParam("tb") String notice) {
        return Templates.meeting(view(id, breakdown, notice, null, null, null));
    }

    @GET
    @Path("/{id}/in")
    public TemplateInstance print(@PathParam("id") String id) {
        return Templates.print(view(id, null, null, null, null, null));
    }

    @POST
    @Path("/{id}/ket-luan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draft(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String text = Forms.get(form, "noi-dung");
        List<DirectiveRow> typed = new ArrayList<>();
        List<Map<String, Object>> directives = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String p = "d" + i + ".";
            if (!form.containsKey(p + "tieu-de")) {
                break;
            }
            String title = Forms.get(form, p + "tieu-de");
            String content = Forms.get(form, p + "noi-dung");
            String lead = Forms.get(form, p + "chu-tri");
            String deadline = Forms.get(form, p + "han");
            boolean ongoing = form.containsKey(p + "thuong-xuyen");
            String directiveId = Forms.orNull(form, p + "id");
            if (title.isEmpty() && content.isEmpty() && directiveId == null) {
                continue; // an empty spare row
            }
            typed.add(new DirectiveRow(typed.size(), directiveId, title, content, lead, deadline, ongoing, new LinkedHashMap<>()));
            Map<String, Object> d = new LinkedHashMap<>();
            if (directiveId != null) {
                d.put("directiveId", directiveId);
            }
            d.put("title", title.isEmpty() ? null : title);
            d.put("content", content.isEmpty() ? title : content);
            d.put("leadUnit", lead.isEmpty() ? null : lead);
            d.put("coordinatingUnits", List.of());
            d.put("deadline", deadline.isEmpty() ? null : deadline);
            d.put("ongoing", ongoing);
            d.put("priority", "NORMAL");
            d.put("indicatorCodes", List.of());
            directives.add(d);
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("text", text);
        draft.put("directives", directives);
        try {
            backend.meeting.draftConclusion(backend.meetingToken(), id, draft);
            backend.forget();
            return Forms.seeOther("/giao-ban/" + id + "#ket-luan", "Đã lưu dự thảo kết luận.");
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            List<String> general = new ArrayList<>();
            p.fieldErrors().forEach((field, message) -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("directives\\[(\\d+)]\\.?(.*)").matcher(field);
                if (m.matches() && Integer.parseInt(m.group(1)) < typed.size()) {
                    typed.get(Integer.parseInt(m.group(1))).errors().put(m.group(2).isEmpty() ? "title" : m.group(2), message);
                } else if ("text".equals(field)) {
                    general.add("Nội dung kết luận: " + message);
                } else {
                    general.add(field + ": " + message);
                }
            });
            String error = p.message() + (general.isEmpty() ? "" : " " + String.join(" ", general));
            return Forms.page(p.status() == 403 ? 403 : 422, Templates.meeting(view(id, null, null, error, typed, text)));
        }
    }

    @POST
    @Path("/{id}/cong-bo")
    public Response publish(@PathParam("id") String id) {
        try {
            backend.meeting.publish(backend.meetingToken(), id);
            backend.forget();
            return Forms.seeOther("/giao-ban/" + id + "#ket-luan", "Đã ban hành thông báo kết luận; các nhiệm vụ được giao cho đơn vị chủ trì.");
        } catch (WebApplicationException e) {
            return Forms.page(Problem.of(e).status(), Templates.meeting(view(id, null, null, Problem.of(e).message(), null, null)));
        }
    }

    @POST
    @Path("/{id}/y-kien/{item}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response opinion(@PathParam("id") String id, @PathParam("item") String item, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stance", Forms.get(form, "y-kien"));
        body.put("text", Forms.orNull(form, "noi-dung"));
        return onItem(id, item, "Đã ghi ý kiến.", () -> backend.meeting.opinion(backend.meetingToken(), id, item, body));
    }

    @POST
    @Path("/{id}/quyet-dinh/{item}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @PathParam("item") String item, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", Forms.get(form, "ket-qua"));
        body.put("note", Forms.orNull(form, "ghi-chu"));
        return onItem(id, item, "Đã ghi kết quả.", () -> backend.meeting.decide(backend.meetingToken(), id, item, body));
    }

    /** Sends what was entered on an agenda item; back to the item with {@code done}, or the page with the refusal. */
    private Response onItem(String id, String item, String done, Runnable call) {
        try {
            call.run();
            backend.forget();
            return Forms.seeOther("/giao-ban/" + id + "#muc-" + item, done);
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            return Forms.page(p.status(), Templates.meeting(view(id, null, null,
                    p.message() + " " + String.join(" ", p.fieldErrors().values()), null, null)));
        }
    }

    private View view(String id, String breakdownCode, String notice, String error, List<DirectiveRow> typed,
            String typedText) {
        String mb = backend.meetingToken();
        String ib = backend.indicatorToken();
        String me = backend.user();
        // the meeting kept 10 s for this user only (like the meeting list); the user's own changes forget it
        var meeting = backend.async(() -> backend.cached(me, "meeting " + id, 10, () -> backend.meeting.meeting(mb, id)));
        // a concluded meeting's pack, narrative and conclusion are final: kept five minutes for the user; an open
        // meeting's pack 5 s (figures arrive through events); its draft conclusion and narrative are read fresh, since
        // the secretariat drafts what the leader publishes
        Concluded kept = backend.kept(me, "concluded " + id);
        var pack = kept != null ? CompletableFuture.completedFuture(kept.pack())
                : backend.async(() -> backend.cached(me, "pack " + id, 5, () -> backend.meeting.pack(mb, id)));
        var narrative = kept != null ? CompletableFuture.completedFuture(kept.narrative()) : backend.async(() -> {
            try {
                return backend.meeting.narrative(mb, id);
            } catch (WebApplicationException e) {
                return null;
            }
        });
        var conclusion = kept != null ? CompletableFuture.completedFuture(kept.conclusion()) : backend.async(() -> {
            try {
                return backend.meeting.conclusion(mb, id);
            } catch (WebApplicationException e) {
                return null; // no draft yet
            }
        });
        var units = backend.async(() -> backend.units(me, ib));
        Dto.Meeting m = meeting.join();
        Dto.Pack p = pack.join();
        if (kept == null && "CONCLUDED".equals(m.status()) && conclusion.join() != null) {
            backend.keep(me, "concluded " + id, new Concluded(p, narrative.join(), conclusion.join()), 300);
        }
        List<Dto.PackLine> lines = new ArrayList<>(p.indicators() == null ? List.of() : p.indicators());
        lines.sort(Comparator.comparing((Dto.PackLine l) -> !l.isOffTrack()));
        List<OverviewPage.UnitLine> breakdown = List.of();
        Map<String, String> names = new LinkedHashMap<>();
        List<Dto.Unit> allUnits = new ArrayList<>(units.join());
        allUnits.removeIf(u -> Boolean.FALSE.equals(u.active()));
        allUnits.forEach(u -> names.put(u.code(), u.name()));
        if (breakdownCode != null && !breakdownCode.isBlank() && p.period() != null) {
            Map<String, Dto.Result> byUnit = OverviewPage.index(Csv.read(backend.resultsCsv(me, ib, p.period())))
                    .getOrDefault(breakdownCode, Map.of());
            List<OverviewPage.UnitLine> out = new ArrayList<>();
            byUnit.forEach((u, r) -> {
                if (!"CITY".equals(u)) {
                    out.add(new OverviewPage.UnitLine(u, names.getOrDefault(u, u), r));
                }
            });
            breakdown = out;
        }
        Dto.ConclusionHistory history = conclusion.join();
        Dto.Conclusion current = history == null ? null : history.current();
        List<DirectiveRow> rows = typed;
        if (rows == null) {
            rows = new ArrayList<>();
            if (current != null && current.directives() != null) {
                for (Dto.Directive d : current.directives()) {
                    rows.add(new DirectiveRow(rows.size(), d.directiveId(), d.title(), d.content(), d.leadUnit(),
                            d.deadline() == null ? "" : d.deadline().toString(), Boolean.TRUE.equals(d.ongoing()), Map.of()));
                }
            }
        }
        List<DirectiveRow> withSpare = new ArrayList<>(rows);
        for (int i = 0; i < 2; i++) {
            withSpare.add(new DirectiveRow(withSpare.size(), null, "", "", "", "", false, Map.of()));
        }
        String text = typedText != null ? typedText : current == null ? "" : current.text();
        boolean attends = user.leader() || (m.attendeeUnits() != null && m.attendeeUnits().contains(user.department()));
        return new View(m, p, lines, narrative.join(), current, withSpare, text, allUnits, names, breakdownCode,
                breakdown, notice, error, attends);
    }

}
