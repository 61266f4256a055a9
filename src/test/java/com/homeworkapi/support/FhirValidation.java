package com.homeworkapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * The HL7 validator as HAPI FHIR packages it, against FHIR R4 core and offline: every resource
 * and Bundle the tests receive from /fhir/R4 must validate with no error. Building it loads the
 * whole R4 specification, so one validator serves the test JVM.
 *
 * <p>Warnings are allowed (docs/fhir.md says which remain and why); each distinct one is kept
 * and written to {@code target/fhir-validation-warnings.txt} when the JVM ends, so the list in
 * the docs can be checked against a run.
 */
public final class FhirValidation {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Set<String> WARNINGS = new ConcurrentSkipListSet<>();
    private static final FhirValidator VALIDATOR = build();

    private FhirValidation() {
    }

    private static FhirValidator build() {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirValidator validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        Runtime.getRuntime().addShutdownHook(new Thread(FhirValidation::writeWarnings));
        return validator;
    }

    /** The answer is FHIR JSON of this resource type and validates with 0 errors; its body as JSON. */
    public static JsonNode assertValid(Response response, String resourceType) {
        response.then().contentType("application/fhir+json");
        String body = response.asString();
        JsonNode json = Json.parse(body);
        assertEquals(resourceType, json.path("resourceType").asText(), "resourceType: " + body);
        assertValid(body);
        assertWrittenAsHapiWritesIt(body);
        return json;
    }

    /**
     * The service writes its answers with the R4 model's own composer rather than HAPI's encoder
     * (fhir/FhirJsonWriter, for speed): HAPI, reading the answer and writing it again, gives the
     * same bytes.
     */
    private static void assertWrittenAsHapiWritesIt(String body) {
        IParser hapi = FHIR.newJsonParser();
        assertEquals(hapi.encodeResourceToString(hapi.parseResource(body)), body, "as HAPI writes it");
    }

    /** The JSON validates against FHIR R4 with no error or fatal message. */
    public static void assertValid(String json) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        List<String> errors = result.getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe)
                .toList();
        result.getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.WARNING)
                .map(FhirValidation::describe)
                .forEach(WARNINGS::add);
        assertTrue(errors.isEmpty(), "FHIR validation errors: " + errors + " in " + json);
    }

    private static String describe(SingleValidationMessage message) {
        // Locations carry array indexes that differ from answer to answer; the message is what repeats.
        return message.getLocationString().replaceAll("\\[\\d+]", "[n]") + ": " + message.getMessage();
    }

    private static void writeWarnings() {
        try {
            Files.writeString(Path.of("target", "fhir-validation-warnings.txt"), String.join("\n", WARNINGS) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
