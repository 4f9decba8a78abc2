package vn.city.web.format;

import io.quarkus.qute.TemplateExtension;

import java.time.ZoneId;

/** What the templates write for numbers, dates and the services' codes, in Vietnamese. */
@TemplateExtension(namespace = "label")
public final class Labels {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Labels() {
    }

    /** 2022-06 → tháng 6/2022; 2022-Q2 → quý II/2022; 2022-H1 → 6 tháng đầu năm 2022; 2022 → năm 2022. */
    public static String period(String p) {
        if (p == null) {
            return "–";
        }
        if (p.matches("\\d{4}-\\d{2}")) {
            return "tháng " + Integer.parseInt(p.substring(5)) + "/" + p.substring(0, 4);
        }
        if (p.matches("\\d{4}-Q[1-4]")) {
            return "quý " + new String[] {"I", "II", "III", "IV"}[p.charAt(6) - '1'] + "/" + p.substring(0, 4);
        }
        if (p.matches("\\d{4}-H[12]")) {
            return (p.endsWith("1") ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.substring(0, 4);
        }
        return "năm " + p;
    }

    public static String status(String s) {
        if (s == null) {
            return "–";
        }
        return switch (s) {
            case "ACHIEVED" -> "Đạt kế hoạch";
            case "ON_TRACK" -> "Đúng tiến độ";
            case "BEHIND" -> "Chậm tiến độ";
            case "NO_TARGET" -> "Chưa giao chỉ tiêu";
            case "ASSIGNED" -> "Đã giao";
            case "IN_PROGRESS" -> "Đang thực hiện";
            case "SUBMITTED" -> "Chờ nghiệm thu";
            case "DONE" -> "Hoàn thành";
            case "CANCELLED" -> "Đã hủy";
            case "DONE_ON_TIME" -> "Hoàn thành đúng hạn";
            case "DONE_LATE" -> "Hoàn thành muộn";
            case "OVERDUE" -> "Quá hạn";
            case "SCHEDULED" -> "Đã lên lịch";
            case "CONCLUDED" -> "Đã kết luận";
            case "PENDING" -> "Chờ quyết định";
            case "GRANTED" -> "Đã gia hạn";
            case "REFUSED" -> "Không gia hạn";
            case "APPROVED" -> "Thông qua";
            case "APPROVED_WITH_CHANGES" -> "Thông qua có chỉnh sửa";
            case "REJECTED" -> "Không thông qua";
            case "DEFERRED" -> "Hoãn";
            case "AGREE" -> "Nhất trí";
            case "DISAGREE" -> "Không nhất trí";
            case "COMMENT" -> "Góp ý";
            case "ESTIMATE" -> "Ước thực hiện";
            case "PRELIMINARY" -> "Sơ bộ";
            case "OFFICIAL" -> "Chính thức";
            case "REPORT" -> "Báo cáo";
            case "FOR_OPINION" -> "Xin ý kiến";
            case "CARRY_OVER" -> "Chuyển tiếp";
            case "HIGH" -> "Cao";
            case "NORMAL" -> "Bình thường";
            case "LOW" -> "Thấp";
            case "MONTHLY_BRIEFING" -> "Giao ban tháng";
            case "QUARTERLY_REVIEW" -> "Sơ kết quý";
            case "HALF_YEAR_REVIEW" -> "Sơ kết 6 tháng";
            case "ANNUAL_REVIEW" -> "Tổng kết năm";
            case "PARTY_COMMITTEE" -> "Hội nghị Ban chấp hành";
            case "THEMATIC" -> "Chuyên đề";
            case "PLAN" -> "KH";
            case "RESOLUTION" -> "nghị quyết";
            default -> s;
        };
    }

    /** The CSS class of a status colour (text and a shape, never colour alone). */
    public static String tone(String s) {
        if (s == null) {
            return "muted";
        }
        return switch (s) {
            case "ACHIEVED", "DONE", "DONE_ON_TIME", "APPROVED", "GRANTED", "CONCLUDED" -> "good";
            case "ON_TRACK", "IN_PROGRESS", "ASSIGNED", "APPROVED_WITH_CHANGES", "SCHEDULED" -> "ok";
            case "BEHIND", "OVERDUE", "REJECTED", "DONE_LATE", "REFUSED" -> "bad";
            case "SUBMITTED", "PENDING", "DEFERRED" -> "warn";
            default -> "muted";
        };
    }
}
