package vn.city.web.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the services' CSV exports (RFC 4180: quoted fields, doubled quotes) into rows keyed by the header. */
final class Csv {

    private Csv() {
    }

    static List<Map<String, String>> read(String text) {
        List<List<String>> lines = parse(text == null ? "" : text);
        List<Map<String, String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = lines.get(0);
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (line.size() == 1 && line.get(0).isEmpty()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c).trim(), c < line.size() ? line.get(c) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> parse(String s) {
        List<List<String>> out = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                out.add(line);
                line = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !line.isEmpty()) {
            line.add(field.toString());
            out.add(line);
        }
        return out;
    }

    /** How many records follow the header in a CSV file (quoted line breaks belong to their field; blank lines do
     * not count), read as a stream: for the import's "rows done / total". */
    static int countRecords(java.io.InputStream in) throws java.io.IOException {
        byte[] buf = new byte[65536];
        int records = 0;
        boolean quoted = false;
        boolean content = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '"') {
                    quoted = !quoted;
                    content = true;
                } else if (b == '\n' && !quoted) {
                    if (content) {
                        records++;
                    }
                    content = false;
                } else if (b != '\r') {
                    content = true;
                }
            }
        }
        if (content) {
            records++;
        }
        return Math.max(0, records - 1);
    }
}
