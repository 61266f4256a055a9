package com.homeworkapi.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.homeworkapi.common.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads FHIR resources as {@code application/fhir+json} with HAPI's parser and writes them with
 * the R4 composer of HAPI's model ({@link FhirJsonWriter}), so the FHIR face runs on the same
 * Quarkus REST stack (filters, security, audit) as {@code /v1}.
 */
@Provider
@Produces(FhirMedia.FHIR_JSON)
@Consumes(FhirMedia.FHIR_JSON)
public class FhirJsonProvider implements MessageBodyWriter<IBaseResource>, MessageBodyReader<IBaseResource> {

    /** A page of Observations is a few hundred kilobytes; most other answers fit at once. */
    private static final int ENCODED_SIZE_HINT = 64 * 1024;

    @Inject
    FhirContext fhir;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Resource.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        // Encoded whole, then written once with its length: the response stream hands every buffer
        // it fills to the event loop (a page of 200 Observations filled sixty, 5 ms of its 20), and
        // a client reads a body of known length in one go rather than chunk by chunk.
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(ENCODED_SIZE_HINT);
        FhirJsonWriter.write((Resource) resource, encoded);
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, encoded.size());
        encoded.writeTo(body);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    /**
     * Unknown elements, wrong types and broken JSON are refused (400) rather than dropped: a
     * resource we would store differently from what was sent is worse than none. The parser's
     * own message may quote the values sent, so the answer names only what kind of fault it was.
     */
    @Override
    public IBaseResource readFrom(Class<IBaseResource> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(type, new InputStreamReader(body, StandardCharsets.UTF_8));
        } catch (DataFormatException | ClassCastException unreadable) {
            throw ApiProblem.invalid("body", "is not a valid FHIR R4 " + type.getSimpleName() + " in JSON");
        }
    }
}
