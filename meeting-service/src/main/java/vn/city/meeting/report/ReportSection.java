package vn.city.meeting.report;

import java.util.Locale;

/**
 * The sections of a period's report, as the city's write-ups order them: the economy; culture and society;
 * defence and security; building the Party and the government.
 */
public enum ReportSection {
    ECONOMY, CULTURE_SOCIETY, DEFENCE_SECURITY, PARTY_GOVERNMENT;

    /** The section an indicator's catalogue category belongs to (indicator-service's categories are Vietnamese). */
    public static ReportSection ofCategory(String category) {
        if (category == null) {
            return ECONOMY;
        }
        String c = category.toLowerCase(Locale.ROOT);
        if (c.contains("quốc phòng") || c.contains("an ninh") || c.contains("trật tự")) {
            return DEFENCE_SECURITY;
        }
        if (c.contains("đảng") || c.contains("chính quyền") || c.contains("hành chính")) {
            return PARTY_GOVERNMENT;
        }
        if (c.contains("xã hội") || c.contains("lao động") || c.contains("văn hóa") || c.contains("giáo dục")
                || c.contains("y tế") || c.contains("dân số") || c.contains("việc làm")) {
            return CULTURE_SOCIETY;
        }
        return ECONOMY;
    }
}
