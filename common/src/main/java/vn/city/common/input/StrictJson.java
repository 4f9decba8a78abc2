package vn.city.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.city.common.problem.InputRejectedException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How every service reads JSON: a key given twice is refused (the last one does not silently win), a string with a
 * forbidden control character is refused (422), and a number written as a string must use ASCII digits.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules for a mapper made outside CDI (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("city-strict-input");
        module.addDeserializer(String.class, new CheckedString());
        module.addDeserializer(Integer.class, new CheckedNumber<>(new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
        module.addDeserializer(int.class, new CheckedNumber<>(new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0)));
        module.addDeserializer(Long.class, new CheckedNumber<>(new NumberDeserializers.LongDeserializer(Long.class, null)));
        module.addDeserializer(long.class, new CheckedNumber<>(new NumberDeserializers.LongDeserializer(Long.TYPE, 0L)));
        module.addDeserializer(Short.class, new CheckedNumber<>(new NumberDeserializers.ShortDeserializer(Short.class, null)));
        module.addDeserializer(short.class, new CheckedNumber<>(new NumberDeserializers.ShortDeserializer(Short.TYPE, (short) 0)));
        module.addDeserializer(Double.class, new CheckedNumber<>(new NumberDeserializers.DoubleDeserializer(Double.class, null)));
        module.addDeserializer(double.class, new CheckedNumber<>(new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0d)));
        module.addDeserializer(BigDecimal.class, new CheckedNumber<>(new NumberDeserializers.BigDecimalDeserializer()));
        module.addDeserializer(BigInteger.class, new CheckedNumber<>(new NumberDeserializers.BigIntegerDeserializer()));
        mapper.registerModule(module);
        return mapper;
    }

    /** A string without forbidden control characters. */
    static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && TextRules.forbiddenControl(value) >= 0) {
                throw new InputRejectedException(p, 422, TextRules.CONTROL_CHARACTER, TextRules.controlMessage(value));
            }
            return value;
        }
    }

    /** A number that, when a client writes it as a string, is written in ASCII digits. */
    static final class CheckedNumber<T> extends JsonDeserializer<T> {
        private final JsonDeserializer<T> standard;

        CheckedNumber(JsonDeserializer<T> standard) {
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && TextRules.hasNonAsciiDigit(p.getText())) {
                throw new InputRejectedException(p, 400, TextRules.ASCII_DIGITS, TextRules.asciiDigitsMessage());
            }
            return standard.deserialize(p, ctxt);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(ctxt);
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getEmptyValue(ctxt);
        }

        @Override
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return standard.logicalType();
        }

        @Override
        public Class<?> handledType() {
            return standard.handledType();
        }
    }
}
