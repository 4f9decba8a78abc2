package vn.city.meeting.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.city.meeting.pack.BriefingPack.CarryOver;
import vn.city.meeting.pack.BriefingPack.TaskTotals;
import vn.city.meeting.pack.BriefingPack.UnitTasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A live {@link BriefingPack} as it is served: the same JSON, field for field, with the indicator lines copied as the
 * consumers made them ready (the UTF-8 bytes of their JSON array), so a read neither parses nor re-writes them. The
 * fields before the lines ({@link Head}) and after them ({@link Tail}) are written by Jackson.
 */
public final class ServedPack {

    private static final byte[] INDICATORS = ",\"indicators\":".getBytes(StandardCharsets.UTF_8);

    private ServedPack() {
    }

    /** BriefingPack's fields before {@code indicators}, in its order. */
    public record Head(UUID meetingId, String period, String periodLabel, OffsetDateTime asOf, boolean frozen,
                       OffsetDateTime frozenAt) {
    }

    /** BriefingPack's fields after {@code indicators}, in its order. */
    public record Tail(List<UnitTasks> units, TaskTotals totals, List<CarryOver> carryOver, String taskScope) {
    }

    /** {@code {head…,"indicators":<lines>,tail…}}: the JSON of the BriefingPack these parts make. */
    public static byte[] json(ObjectMapper mapper, Head head, byte[] lines, Tail tail) throws IOException {
        byte[] h = mapper.writeValueAsBytes(head);
        byte[] t = mapper.writeValueAsBytes(tail);
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length + INDICATORS.length + lines.length + t.length);
        out.write(h, 0, h.length - 1);               // without its closing brace
        out.write(INDICATORS);
        out.write(lines);
        out.write(',');
        out.write(t, 1, t.length - 1);               // without its opening brace
        return out.toByteArray();
    }
}
