package vn.city.web.chart;

import vn.city.web.format.VietnameseNumbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart drawn on the server as SVG (no script, no network): the months of this year against the same
 * months of last year, and the target as a dashed line. Colours meet WCAG contrast on white and the series also
 * differ by line style, so the chart reads without colour; a text summary goes into {@code <title>}.
 */
public final class LineChart {

    private static final int W = 320;
    private static final int H = 150;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 22;

    private LineChart() {
    }

    /**
     * @param thisYear  12 values (null = no figure) of the year shown
     * @param lastYear  12 values of the year before
     * @param target    the annual target, or null
     */
    public static String svg(String title, List<BigDecimal> thisYear, List<BigDecimal> lastYear, BigDecimal target,
            int year) {
        double max = 0;
        for (List<BigDecimal> s : List.of(thisYear, lastYear)) {
            for (BigDecimal v : s) {
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (target != null) {
            max = Math.max(max, target.doubleValue());
        }
        if (max <= 0) {
            max = 1;
        }
        max = niceCeiling(max);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMidYMid meet\">");
        sb.append("<title>").append(escape(title + ": " + summary(thisYear, lastYear, target, year))).append("</title>");
        // grid and y labels
        for (int i = 0; i <= 2; i++) {
            double v = max * i / 2;
            double y = y(v, max);
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" class=\"grid\"/>");
            sb.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(y + 3)).append("\" class=\"ylab\">")
                    .append(escape(VietnameseNumbers.format(BigDecimal.valueOf(v), v < 10 ? 1 : 0))).append("</text>");
        }
        for (int m = 1; m <= 12; m++) {
            if (m == 1 || m % 3 == 0) {
                sb.append("<text x=\"").append(f(x(m))).append("\" y=\"").append(H - 6).append("\" class=\"xlab\">T")
                        .append(m).append("</text>");
            }
        }
        if (target != null) {
            double ty = y(target.doubleValue(), max);
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - RIGHT).append("\" y1=\"").append(f(ty))
                    .append("\" y2=\"").append(f(ty)).append("\" class=\"target\"/>");
        }
        path(sb, lastYear, max, "last");
        path(sb, thisYear, max, "this");
        sb.append("</svg>");
        return sb.toString();
    }

    private static void path(StringBuilder sb, List<BigDecimal> values, double max, String cls) {
        StringBuilder d = new StringBuilder();
        List<String> dots = new ArrayList<>();
        boolean pen = false;
        for (int i = 0; i < values.size() && i < 12; i++) {
            BigDecimal v = values.get(i);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = x(i + 1);
            double y = y(v.doubleValue(), max);
            d.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y));
            pen = true;
            dots.add("<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"2.5\" class=\"" + cls + "\"/>");
        }
        if (!d.isEmpty()) {
            sb.append("<path d=\"").append(d.toString().trim()).append("\" class=\"").append(cls).append("\"/>");
        }
        dots.forEach(sb::append);
    }

    private static String summary(List<BigDecimal> thisYear, List<BigDecimal> lastYear, BigDecimal target, int year) {
        StringBuilder sb = new StringBuilder();
        int last = -1;
        for (int i = 0; i < thisYear.size(); i++) {
            if (thisYear.get(i) != null) {
                last = i;
            }
        }
        if (last < 0) {
            sb.append("chưa có số liệu năm ").append(year);
        } else {
            sb.append("tháng ").append(last + 1).append('/').append(year).append(": ")
                    .append(VietnameseNumbers.format(thisYear.get(last)));
            if (last < lastYear.size() && lastYear.get(last) != null) {
                sb.append(", cùng kỳ năm ").append(year - 1).append(": ").append(VietnameseNumbers.format(lastYear.get(last)));
            }
        }
        if (target != null) {
            sb.append(", chỉ tiêu cả năm: ").append(VietnameseNumbers.format(target));
        }
        return sb.toString();
    }

    private static double x(int month) {
        return LEFT + (W - LEFT - RIGHT) * (month - 1) / 11.0;
    }

    private static double y(double v, double max) {
        return TOP + (H - TOP - BOTTOM) * (1 - v / max);
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String f(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
