package vn.city.meeting.document;

import java.time.LocalDate;

/** Dates as administrative documents write them (Decree 30/2020/NĐ-CP, Annex I). */
public final class VietnameseDate {

    private VietnameseDate() {
    }

    /**
     * "Bắc Kạn, ngày 28 tháng 6 năm 2022": a day below 10 and the months 1 and 2 take a leading zero
     * ("ngày 05 tháng 02 năm 2022").
     */
    public static String placeAndDate(String place, LocalDate date) {
        return place + ", " + longForm(date);
    }

    public static String longForm(LocalDate date) {
        int d = date.getDayOfMonth();
        int m = date.getMonthValue();
        return "ngày " + (d < 10 ? "0" + d : d) + " tháng " + (m <= 2 ? "0" + m : m) + " năm " + date.getYear();
    }

    /** A draft leaves the day and month for the signer: "Bắc Kạn, ngày      tháng      năm 2022". */
    public static String placeAndBlankDate(String place, int year) {
        return place + ", ngày \u00a0\u00a0\u00a0\u00a0 tháng \u00a0\u00a0\u00a0\u00a0 năm " + year;
    }

    /** "28/6/2022", as the body of a document cites a date. */
    public static String shortForm(LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear();
    }
}
