package vn.city.meeting.narrative;

/** The narrative as a page a leader opens in a browser: UTF-8, lang="vi", every text escaped. */
public final class NarrativeHtml {

    private NarrativeHtml() {
    }

    public static String render(Narrative n) {
        StringBuilder html = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(n.title())).append("</title>\n")
                .append("<style>body{font-family:'Times New Roman',serif;max-width:50em;margin:2em auto;line-height:1.5}"
                        + "p{text-align:justify}.meta{color:#555;font-size:.9em}</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(n.title())).append("</h1>\n")
                .append("<p class=\"meta\">Kỳ báo cáo: ").append(escape(n.period()))
                .append(n.fromFrozenPack() ? " – số liệu tại thời điểm kết luận" : " – số liệu hiện có")
                .append("</p>\n");
        for (String p : n.paragraphs()) {
            html.append("<p>").append(escape(p)).append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
