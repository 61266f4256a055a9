package com.homeworkapi.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * JSON is read as the contract writes it: "50" is no number, 42 no title, 1 no status and an
 * epoch number no timestamp. A caller whose value was silently converted would store
 * something it did not mean, so each of these is a 400 naming the field.
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
        mapper.registerModule(new SimpleModule("strict-date-times")
                .addDeserializer(OffsetDateTime.class, new TextOnlyOffsetDateTime()));
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
                return OffsetDateTime.parse(parser.getText());
            } catch (DateTimeParseException unreadable) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, parser.getText(),
                        "not an RFC 3339 date-time with offset");
            }
        }
    }
}
