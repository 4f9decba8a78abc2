package vn.city.indicator.figure.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.common.event.CloudEvent;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Writes the CloudEvents envelope of a submission's events in one pass over the payload record, byte for byte as
 * {@code EventCodec.write(new CloudEvent(..., EventCodec.tree(payload)))} writes it (what every other event of the
 * service goes through), without building the JSON tree first: a submission writes up to ~20 envelopes, and the
 * tree cost as much again as the writing. The tree holds every decimal without its trailing zeros (Jackson's
 * {@code DecimalNode}, written in the shortest form, e.g. {@code 5E+1}); the decimals here are written the same way,
 * so the wire does not change. {@code EnvelopeWriterTest} compares both writings.
 */
@ApplicationScoped
public class EnvelopeWriter {

    /** The envelope's fields in CloudEvent's order, with the payload itself instead of its tree. */
    record Envelope(String specversion, String id, String source, String type, OffsetDateTime time, String subject,
                    String datacontenttype, Object data) {
    }

    private final ObjectWriter writer;

    public EnvelopeWriter(ObjectMapper mapper) {
        SimpleModule decimals = new SimpleModule("tree-like-decimals");
        decimals.addSerializer(BigDecimal.class, new TreeLikeDecimal());
        this.writer = mapper.copy().registerModule(decimals).writerFor(Envelope.class);
    }

    public String write(String id, String source, String type, OffsetDateTime time, String subject, Object data) {
        try {
            return writer.writeValueAsString(new Envelope(CloudEvent.SPEC_VERSION, id, source, type, time, subject,
                    CloudEvent.JSON, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + id, e);
        }
    }

    /** A decimal as the JSON tree keeps it: without trailing zeros (zero as 0). */
    static final class TreeLikeDecimal extends StdSerializer<BigDecimal> {

        TreeLikeDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
    }
}
