package com.homeworkapi.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * JSON is read as the contract writes it: a body is one object with each property once, "50"
 * is no number, 42 no title, 1 no status, an epoch number no timestamp, and text is made of
 * whole characters. A caller whose value was silently converted or chosen would store
 * something it did not mean, so each of these is a 400 naming the field (or the body).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Runs after Quarkus has registered its modules, so the strict date-time reader wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.setDefaultLeniency(Boolean.FALSE);
        // Jackson would read the first of two documents and keep the last of two values for a
        // property; either way what is stored is not all the caller sent.
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.registerModule(new SimpleModule("strict-text-and-dates")
                .addDeserializer(OffsetDateTime.class, new TextOnlyOffsetDateTime())
                .addDeserializer(LocalDate.class, new CalendarDate())
                .addDeserializer(String.class, new WellFormedText()));
        for (CoercionInputShape number : new CoercionInputShape[] {CoercionInputShape.Integer,
            CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(number, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(number, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(number, CoercionAction.Fail);
        }
    }

    /** RFC 3339 text with an offset, nothing else: an epoch number carries no offset and no unit. */
    static final class TextOnlyOffsetDateTime extends StdScalarDeserializer<OffsetDateTime> {

        TextOnlyOffsetDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            try {
                OffsetDateTime value = OffsetDateTime.parse(parser.getText());
                if (Dates.inRange(value.toInstant())) {
                    return value;
                }
            } catch (DateTimeParseException unreadable) {
                // answered below
            }
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, parser.getText(),
                    "not an RFC 3339 date-time with offset between 1900 and 2999");
        }
    }

    /** An ISO date between 1900 and 2999. */
    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                LocalDate value = LocalDate.parse(parser.getText());
                if (Dates.inRange(value)) {
                    return value;
                }
            } catch (DateTimeParseException unreadable) {
                // answered below
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, parser.getText(),
                    "not an ISO date between 1900 and 2999");
        }
    }

    /**
     * Text that PostgreSQL stores as it was sent. It cannot store NUL at all, and it would store
     * half a character (an unpaired UTF-16 surrogate, as a phone sends when it cuts an emoji in
     * two) as "?", so a retry of the same bytes would no longer match what was stored.
     */
    static final class WellFormedText extends StdScalarDeserializer<String> {

        WellFormedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text;
            try {
                text = parser.getText();
            } catch (StreamReadException undecodable) {
                // A string is decoded only when it is read, here: bytes that are not UTF-8 (a
                // surrogate's among them) or a broken escape fail now, blamed on their field.
                throw new MalformedText(parser, "is not a well-formed JSON string of UTF-8 text");
            }
            if (text.indexOf(0) >= 0) {
                throw new MalformedText(parser, "contains a NUL character");
            }
            if (hasUnpairedSurrogate(text)) {
                throw new MalformedText(parser, "contains half of a character (an unpaired UTF-16 surrogate)");
            }
            return text;
        }

        private static boolean hasUnpairedSurrogate(String text) {
            for (int index = 0; index < text.length(); index++) {
                char unit = text.charAt(index);
                if (Character.isHighSurrogate(unit) && index + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(index + 1))) {
                    index++;
                } else if (Character.isSurrogate(unit)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Text the service will not store. Its message is written here for the caller and holds
     * none of the text; Jackson adds the field's path on the way out.
     */
    static final class MalformedText extends JsonMappingException {

        MalformedText(JsonParser parser, String message) {
            super(parser, message);
        }
    }
}
