package vn.city.meeting.document;

/** The kinds of administrative document the register numbers (abbreviations of Decree 30/2020/NĐ-CP, Annex III). */
public enum DocumentType {
    TB("Thông báo"),
    BC("Báo cáo"),
    KH("Kế hoạch");

    private final String vietnameseName;

    DocumentType(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
