package vn.city.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities (512Mi, 1Gi, 500M, 2) in bytes. */
final class Quantities {

    private static final Pattern Q = Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Map<String, BigDecimal> FACTORS = Map.of(
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40), "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L), "T", BigDecimal.valueOf(1_000_000_000_000L));

    private Quantities() {
    }

    static BigDecimal bytes(String quantity) {
        Matcher m = Q.matcher(quantity.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("unsupported quantity " + quantity);
        }
        BigDecimal n = new BigDecimal(m.group(1));
        return m.group(2) == null ? n : n.multiply(FACTORS.get(m.group(2)));
    }
}
