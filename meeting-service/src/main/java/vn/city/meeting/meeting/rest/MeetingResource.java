package vn.city.meeting.meeting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.city.common.security.Caller;
import vn.city.meeting.meeting.MeetingStatus;
import vn.city.meeting.meeting.rest.MeetingDtos.AddItem;
import vn.city.meeting.meeting.rest.MeetingDtos.CancelMeeting;
import vn.city.meeting.meeting.rest.MeetingDtos.DecideItem;
import vn.city.meeting.meeting.rest.MeetingDtos.DecideProposal;
import vn.city.meeting.meeting.rest.MeetingDtos.GiveOpinion;
import vn.city.meeting.meeting.rest.MeetingDtos.RecordAttendance;
import vn.city.meeting.meeting.rest.MeetingDtos.ScheduleMeeting;
import vn.city.meeting.meeting.service.ItemView;
import vn.city.meeting.meeting.service.MeetingService;
import vn.city.meeting.meeting.service.MeetingSummary;
import vn.city.meeting.meeting.service.MeetingView;
import vn.city.meeting.meeting.service.OpinionView;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/meetings")
@Tag(name = "meetings", description = "Meetings, their agenda, opinions and outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeetingResource {

    private final MeetingService meetings;
    private final Caller caller;

    public MeetingResource(MeetingService meetings, Caller caller) {
        this.meetings = meetings;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Schedule a meeting (secretariat); a briefing gets the unfinished tasks of earlier conclusions as CARRY_OVER items")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "June 2022 briefing", value = """
            {"type":"MONTHLY_BRIEFING","title":"Họp giao ban tháng 7/2022","period":"2022-06",
             "startsAt":"2022-06-30T07:00:00Z","place":"Phòng họp UBND thành phố",
             "chair":"Dương Hữu Bường – Chủ tịch UBND thành phố","attendeeUnits":["ENV","FIN","W-SONGCAU"],
             "attendeePeople":["Dương Hữu Bường"]}""")))
    @APIResponse(responseCode = "201", description = "Scheduled; Location names the meeting",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Uni<Response> schedule(@NotNull @Valid ScheduleMeeting body) {
        return meetings.schedule(caller.current(), body.toCommand())
                .map(v -> Response.created(URI.create("/api/meetings/" + v.id())).entity(v).build());
    }

    @GET
    @Operation(summary = "List meetings by period and status; an officer sees only meetings its unit attends")
    public Uni<List<MeetingSummary>> list(@QueryParam("period") String period, @QueryParam("status") MeetingStatus status) {
        return meetings.list(caller.current(), period, status);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A meeting with its agenda items and opinions")
    public Uni<MeetingView> get(@PathParam("id") UUID id) {
        return meetings.get(caller.current(), id);
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Open the meeting (SCHEDULED → IN_PROGRESS), secretariat")
    public Uni<MeetingView> start(@PathParam("id") UUID id) {
        return meetings.start(caller.current(), id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a meeting that has not concluded, secretariat")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "cancel", value = "{\"reason\":\"Hoãn do mưa bão\"}")))
    public Uni<MeetingView> cancel(@PathParam("id") UUID id, @Valid CancelMeeting body) {
        return meetings.cancel(caller.current(), id, body == null ? null : body.reason());
    }

    @PUT
    @Path("{id}/attendance")
    @Operation(summary = "Record who was present, secretariat")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "attendance", value = "{\"present\":[\"Dương Hữu Bường\",\"ENV\"]}")))
    public Uni<MeetingView> attendance(@PathParam("id") UUID id, @NotNull @Valid RecordAttendance body) {
        return meetings.recordAttendance(caller.current(), id, body.present());
    }

    @POST
    @Path("{id}/items")
    @Operation(summary = "Add an agenda item: a report or an item put for opinion (xin ý kiến), secretariat")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "for opinion", value = """
            {"kind":"FOR_OPINION","title":"Dự thảo Quyết định ban hành quy định chức năng, nhiệm vụ của phòng Tài nguyên – Môi trường",
             "presentingUnit":"ENV","documentKind":"DRAFT_DECISION","documentRef":"Dự thảo QĐ/UBND"}""")))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ItemView.class)))
    public Uni<Response> addItem(@PathParam("id") UUID id, @NotNull @Valid AddItem body) {
        return meetings.addItem(caller.current(), id, body.toCommand())
                .map(v -> Response.status(Response.Status.CREATED).entity(v).build());
    }

    @POST
    @Path("{id}/items/{itemId}/opinions")
    @Operation(summary = "Give an opinion on an item (attendees: a leader, or an officer of an attending unit)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "agree", value = "{\"stance\":\"AGREE\",\"text\":\"Nhất trí thông qua\"}")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OpinionView.class)))
    public Uni<Response> opinion(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                 @NotNull @Valid GiveOpinion body) {
        return meetings.giveOpinion(caller.current(), id, itemId, body.stance(), body.text())
                .map(v -> Response.status(Response.Status.CREATED).entity(v).build());
    }

    @POST
    @Path("{id}/items/{itemId}/decision")
    @Operation(summary = "Record the outcome of an item, secretariat; emits item-decided")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approved", value = "{\"outcome\":\"APPROVED\",\"note\":\"Các thành viên nhất trí thông qua\"}")))
    public Uni<ItemView> decide(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                @NotNull @Valid DecideItem body) {
        return meetings.decide(caller.current(), id, itemId, body.outcome(), body.note());
    }

    @POST
    @Path("{id}/carry-over")
    @Operation(summary = "Propose the unfinished tasks of earlier conclusions on this briefing now (secretariat); "
            + "they are also proposed when the meeting is scheduled and when task events arrive, never by a read")
    public Uni<MeetingView> carryOver(@PathParam("id") UUID id) {
        return meetings.proposeCarryOver(caller.current(), id);
    }

    @POST
    @Path("{id}/items/{itemId}/proposal")
    @Operation(summary = "Accept or dismiss an item the system proposed (an off-track indicator), with the reason; secretariat")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "dismiss", value =
            "{\"decision\":\"DISMISSED\",\"reason\":\"Đã báo cáo tại phiên họp chuyên đề ngày 25/6\"}")))
    public Uni<ItemView> decideProposal(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
                                        @NotNull @Valid DecideProposal body) {
        return meetings.decideProposal(caller.current(), id, itemId, body.decision(), body.reason());
    }
}
