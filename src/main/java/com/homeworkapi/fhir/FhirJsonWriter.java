package com.homeworkapi.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.hl7.fhir.r4.formats.JsonCreator;
import org.hl7.fhir.r4.formats.JsonParser;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes an R4 resource as JSON with the R4 composer that comes with HAPI's R4 model
 * ({@code org.hl7.fhir.r4.formats.JsonParser}, generated code with a method per type) onto a
 * Jackson generator. HAPI's own encoder finds each element by reflection and took five times as
 * long for a page of Observations (docs/performance.md). The composer's own writer escapes text
 * one character at a time, so Jackson writes the text here, as it does under HAPI's encoder: the
 * bytes are the same as HAPI's (FhirJsonWriterTest, and every answer the FHIR tests receive).
 */
final class FhirJsonWriter implements JsonCreator {

    // The response stream belongs to Quarkus: the generator flushes into it but never closes it.
    // A character beyond the BMP (an emoji) goes out as its UTF-8 bytes, as HAPI writes it, not as
    // two escaped surrogates.
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final JsonGenerator generator;

    private FhirJsonWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    static void write(Resource resource, OutputStream body) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(body)) {
            // The composer writes the resource's members; the object around them is the caller's.
            generator.writeStartObject();
            new JsonParser().compose(new FhirJsonWriter(generator), resource);
            generator.writeEndObject();
        }
    }

    @Override
    public void setIndent(String indent) {
        // Always compact: the composer asks only when it makes the writer itself.
    }

    @Override
    public void beginObject() throws IOException {
        generator.writeStartObject();
    }

    @Override
    public void endObject() throws IOException {
        generator.writeEndObject();
    }

    @Override
    public void nullValue() throws IOException {
        generator.writeNull();
    }

    @Override
    public void name(String name) throws IOException {
        generator.writeFieldName(name);
    }

    @Override
    public void value(String value) throws IOException {
        generator.writeString(value);
    }

    @Override
    public void value(Boolean value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeBoolean(value);
        }
    }

    @Override
    public void value(BigDecimal value) throws IOException {
        generator.writeNumber(value);
    }

    /** A number as the model keeps it, so a decimal keeps the digits it was given (1.50 stays 1.50). */
    @Override
    public void valueNum(String value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeNumber(value);
        }
    }

    @Override
    public void value(Integer value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeNumber(value.intValue());
        }
    }

    @Override
    public void beginArray() throws IOException {
        generator.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        generator.writeEndArray();
    }

    @Override
    public void finish() {
        // Closing the generator in write() flushes it.
    }

    @Override
    public void link(String href) {
        // Only the composer's HTML output makes links.
    }
}
