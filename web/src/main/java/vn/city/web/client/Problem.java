package vn.city.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's refusal (RFC 9457 problem+json) as the pages show it: the status, a sentence in Vietnamese, and each
 * field's message, to be shown beside that field.
 */
public record Problem(int status, String title, String detail, Map<String, String> fieldErrors, List<String> other) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem of(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        JsonNode body = null;
        try {
            if (r != null && r.hasEntity()) {
                r.bufferEntity();
                body = JSON.readTree(r.readEntity(String.class));
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // not problem+json: the status alone says what happened
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        if (body != null) {
            for (JsonNode err : body.path("errors")) {
                String field = err.path("field").asText("");
                String message = vietnamese(err.path("rule").asText(""), err.path("message").asText(""));
                if (field.isEmpty()) {
                    other.add(message);
                } else {
                    fields.merge(field, message, (a, b) -> a + "; " + b);
                }
            }
        }
        String detail = body == null ? null : body.path("detail").asText(null);
        return new Problem(status, sentence(status), detail, fields, other);
    }

    /** What a person is told for a status, in Vietnamese. */
    public static String sentence(int status) {
        return switch (status) {
            case 400, 422 -> "Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại.";
            case 401 -> "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.";
            case 403 -> "Bạn không có quyền thực hiện thao tác này.";
            case 404 -> "Không tìm thấy dữ liệu.";
            case 409 -> "Thao tác không thực hiện được ở trạng thái hiện tại.";
            case 413 -> "Tệp quá lớn.";
            case 503 -> "Dịch vụ tạm thời không phản hồi, vui lòng thử lại sau.";
            default -> "Đã có lỗi xảy ra (" + status + ").";
        };
    }

    /**
     * The rule's sentence in Vietnamese where the web knows the rule (the service's own words are English and stay
     * off the page), else the service's message.
     */
    public static String vietnamese(String rule, String message) {
        String vi = switch (rule) {
            case "number-format" -> "Không phải là số (viết kiểu Việt Nam: 1.739,5).";
            case "ambiguous-number" -> "Số viết chưa rõ: dùng dấu chấm để tách nghìn và dấu phẩy cho phần thập phân (vd. 2.123,0 hoặc 2123).";
            case "non-negative" -> "Chỉ tiêu này không nhận giá trị âm.";
            case "excess-precision" -> "Quá nhiều chữ số thập phân (tối đa 6).";
            case "too-large" -> "Giá trị quá lớn.";
            case "percent-range", "range" -> "Giá trị phải nằm trong khoảng 0–100.";
            case "unit-mismatch" -> "Đơn vị tính không khớp với chỉ tiêu.";
            case "required", "not-null", "not-blank" -> "Bắt buộc nhập.";
            case "period-not-started" -> "Kỳ báo cáo chưa bắt đầu.";
            case "own-unit" -> "Chỉ được nhập cho đơn vị của mình.";
            default -> null;
        };
        if (vi == null) {
            return message.isBlank() ? rule : message;
        }
        return vi;
    }

    public String field(String name) {
        return fieldErrors.get(name);
    }

    public String message() {
        StringBuilder sb = new StringBuilder(title);
        if (detail != null && fieldErrors.isEmpty()) {
            sb.append(' ').append(detail);
        }
        other.forEach(o -> sb.append(' ').append(o));
        return sb.toString();
    }
}
