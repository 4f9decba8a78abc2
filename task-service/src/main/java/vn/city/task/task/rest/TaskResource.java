package vn.city.task.task.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.UnitAccess;
import vn.city.task.task.TaskStatus;
import vn.city.task.task.rest.TaskRequests.AcceptRequest;
import vn.city.task.task.rest.TaskRequests.DecisionRequest;
import vn.city.task.task.rest.TaskRequests.ExtensionRequestBody;
import vn.city.task.task.rest.TaskRequests.NewTaskRequest;
import vn.city.task.task.rest.TaskRequests.ProgressRequest;
import vn.city.task.task.rest.TaskRequests.ReasonRequest;
import vn.city.task.task.rest.TaskRequests.SubmitRequest;
import vn.city.task.task.event.TaskSnapshot;
import vn.city.task.task.service.ExtensionView;
import vn.city.task.task.service.HistoryView;
import vn.city.task.task.service.ProgressView;
import vn.city.task.task.service.TaskCommands;
import vn.city.task.task.service.TaskFilter;
import vn.city.task.task.service.TaskQueries;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/tasks")
@Tag(name = "Tasks", description = "Directive tasks from assignment to accepted completion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskCommands commands;
    private final TaskQueries queries;
    private final UnitAccess access;

    public TaskResource(TaskCommands commands, TaskQueries queries, UnitAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @POST
    @Operation(summary = "Assign a task from a document (secretariat, leader) or ad hoc (leader)")
    @APIResponse(responseCode = "201", description = "assigned; task-assigned is published")
    public Uni<RestResponse<TaskSnapshot>> create(@Valid @NotNull NewTaskRequest request, UriInfo uri) {
        CurrentUser user = access.user();
        return commands.create(request.toCommand(), user).map(task -> RestResponse.ResponseBuilder
                .<TaskSnapshot>created(uri.getAbsolutePathBuilder().path(task.taskId().toString()).build())
                .entity(task).build());
    }

    @GET
    @Operation(summary = "List tasks", description = "Officers see their own unit's tasks only (lead or coordinating).")
    public Uni<List<TaskSnapshot>> list(
            @Parameter(example = "IN_PROGRESS") @QueryParam("status") String status,
            @Parameter(description = "lead or coordinating unit", example = "ENV") @QueryParam("unit") String unit,
            @Parameter(example = "2022-07-01") @QueryParam("deadlineFrom") String deadlineFrom,
            @Parameter(example = "2022-07-31") @QueryParam("deadlineTo") String deadlineTo,
            @Parameter(description = "source meeting") @QueryParam("meetingId") String meetingId,
            @Parameter(description = "linked indicator code") @QueryParam("indicator") String indicator,
            @Parameter(example = "2022-07") @QueryParam("period") String period,
            @Parameter(description = "only overdue (true) or only not overdue (false)") @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "only my unit's tasks") @QueryParam("mine") boolean mine) {
        TaskFilter filter = new TaskFilter(status(status), blankToNull(unit), date("deadlineFrom", deadlineFrom),
                date("deadlineTo", deadlineTo), blankToNull(meetingId), blankToNull(indicator), blankToNull(period),
                overdue, mine);
        return queries.list(filter, access.user());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One task")
    public Uni<TaskSnapshot> get(@PathParam("id") String id) {
        return queries.get(uuid(id), access.user());
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "The progress reports of a task, oldest first")
    public Uni<List<ProgressView>> progress(@PathParam("id") String id) {
        return queries.progress(uuid(id), access.user());
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Status changes, deadlines and extension requests of a task")
    public Uni<HistoryView> history(@PathParam("id") String id) {
        return queries.history(uuid(id), access.user());
    }

    @POST
    @Path("/{id}/start")
    @Operation(summary = "The lead unit starts work (ASSIGNED → IN_PROGRESS)")
    @APIResponse(responseCode = "409", description = "not allowed from the current status; the answer lists the allowed ones")
    public Uni<TaskSnapshot> start(@PathParam("id") String id) {
        return commands.start(uuid(id), access.user());
    }

    @POST
    @Path("/{id}/progress")
    @Operation(summary = "Report progress (lead or coordinating unit)")
    @APIResponse(responseCode = "201", description = "recorded; task-progress-reported is published")
    public Uni<RestResponse<ProgressView>> report(@PathParam("id") String id, @Valid @NotNull ProgressRequest request) {
        return commands.reportProgress(uuid(id), access.user(), request.unitCode(), request.percent(), request.text())
                .map(p -> RestResponse.status(Response.Status.CREATED, p));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "The lead unit reports completion with its result (IN_PROGRESS → SUBMITTED)")
    public Uni<TaskSnapshot> submit(@PathParam("id") String id, @Valid @NotNull SubmitRequest request) {
        return commands.submit(uuid(id), access.user(), request.result());
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "A leader accepts the completion (SUBMITTED → DONE), judged on time or late")
    public Uni<TaskSnapshot> accept(@PathParam("id") String id, @Valid AcceptRequest request) {
        return commands.accept(uuid(id), access.user(), request == null ? null : request.note());
    }

    @POST
    @Path("/{id}/return")
    @Operation(summary = "A leader returns the submission with a reason (SUBMITTED → IN_PROGRESS)")
    public Uni<TaskSnapshot> returnTask(@PathParam("id") String id, @Valid @NotNull ReasonRequest request) {
        return commands.returnTask(uuid(id), access.user(), request.reason());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "A leader cancels the task")
    public Uni<TaskSnapshot> cancel(@PathParam("id") String id, @Valid @NotNull ReasonRequest request) {
        return commands.cancel(uuid(id), access.user(), request.reason());
    }

    @POST
    @Path("/{id}/extension-requests")
    @Operation(summary = "The lead unit asks for a new deadline")
    @APIResponse(responseCode = "201", description = "waiting for a leader's decision")
    public Uni<RestResponse<ExtensionView>> requestExtension(@PathParam("id") String id,
                                                             @Valid @NotNull ExtensionRequestBody request) {
        return commands.requestExtension(uuid(id), access.user(), request.newDeadline(), request.reason())
                .map(e -> RestResponse.status(Response.Status.CREATED, e));
    }

    @POST
    @Path("/{id}/extension-requests/{rid}/grant")
    @Operation(summary = "A leader grants the new deadline; task-extended is published")
    public Uni<ExtensionView> grant(@PathParam("id") String id, @PathParam("rid") String rid,
                                    @Valid DecisionRequest request) {
        return commands.grantExtension(uuid(id), uuid(rid), access.user(), request == null ? null : request.note());
    }

    @POST
    @Path("/{id}/extension-requests/{rid}/refuse")
    @Operation(summary = "A leader refuses the new deadline; the deadline stays")
    public Uni<ExtensionView> refuse(@PathParam("id") String id, @PathParam("rid") String rid,
                                     @Valid @NotNull ReasonRequest request) {
        return commands.refuseExtension(uuid(id), uuid(rid), access.user(), request.reason());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("task", id);
        }
    }

    private static TaskStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "enum", "status must be one of "
                    + java.util.Arrays.toString(TaskStatus.values()));
        }
    }

    private static LocalDate date(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "date", field + " must be a date like 2022-07-31");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
