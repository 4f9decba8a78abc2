package vn.city.task.task.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.city.task.task.Priority;
import vn.city.task.task.SourceKind;
import vn.city.task.task.service.NewTask;

import java.time.LocalDate;
import java.util.List;

/** The request bodies of the task API. */
public final class TaskRequests {

    private TaskRequests() {
    }

    @Schema(description = "Where the task comes from: DOCUMENT (number and date required) or AD_HOC")
    public record SourceRequest(
            @Schema(example = "DOCUMENT") SourceKind kind,
            @Size(max = 100) @Schema(example = "2888/QĐ-UBND") String documentNumber,
            @Schema(example = "2022-07-05") LocalDate documentDate) {
    }

    @Schema(description = "A task to assign")
    public record NewTaskRequest(
            @NotBlank @Size(max = 500) @Schema(example = "Vệ sinh môi trường, cảnh quan xanh, sạch, đẹp") String title,
            @NotBlank @Size(max = 20000) @Schema(example = "Chủ trì, phối hợp với các đơn vị và hai xã Nông Thượng, "
                    + "Dương Quang quan tâm thực hiện công tác vệ sinh môi trường, tạo cảnh quan xanh, sạch, đẹp.")
            String content,
            @Valid SourceRequest source,
            @NotBlank @Schema(example = "ENV") String leadUnit,
            @Schema(example = "[\"C-NONGTHUONG\", \"C-DUONGQUANG\"]") List<@NotBlank String> coordinatingUnits,
            @Schema(description = "absent when ongoing", example = "2022-07-31") LocalDate deadline,
            @Schema(description = "thường xuyên: no deadline") boolean ongoing,
            @Schema(example = "NORMAL") Priority priority,
            @Schema(example = "[]") List<@NotBlank String> indicatorCodes,
            @NotBlank @Schema(example = "2022-07") String period) {

        NewTask toCommand() {
            return new NewTask(title, content, source == null ? null : source.kind(),
                    source == null ? null : source.documentNumber(), source == null ? null : source.documentDate(),
                    leadUnit.trim(), coordinatingUnits, deadline, ongoing, priority, indicatorCodes, period);
        }
    }

    @Schema(description = "A progress report")
    public record ProgressRequest(
            @NotNull @Min(0) @Max(100) @Schema(example = "60") Integer percent,
            @NotBlank @Size(max = 10000) @Schema(example = "Đã ra quân tổng vệ sinh tại 2 xã") String text,
            @Schema(description = "the reporting unit; default: the caller's unit", example = "C-NONGTHUONG")
            String unitCode) {
    }

    @Schema(description = "The lead unit reports completion")
    public record SubmitRequest(
            @NotBlank @Size(max = 10000) @Schema(example = "Hoàn thành tổng vệ sinh, báo cáo số 12/BC-TNMT") String result) {
    }

    @Schema(description = "A leader accepts the completion")
    public record AcceptRequest(@Size(max = 2000) @Schema(example = "Đạt yêu cầu") String note) {
    }

    @Schema(description = "A reason, required")
    public record ReasonRequest(
            @NotBlank @Size(max = 2000) @Schema(example = "Báo cáo chưa đủ số liệu từng xã") String reason) {
    }

    @Schema(description = "The lead unit asks for a new deadline")
    public record ExtensionRequestBody(
            @NotNull @Schema(example = "2022-08-15") LocalDate newDeadline,
            @NotBlank @Size(max = 2000) @Schema(example = "Mưa lớn kéo dài, chưa thể ra quân") String reason) {
    }

    @Schema(description = "A leader's decision note")
    public record DecisionRequest(@Size(max = 2000) @Schema(example = "Đồng ý gia hạn") String note) {
    }
}
