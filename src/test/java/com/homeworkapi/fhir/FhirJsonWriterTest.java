package com.homeworkapi.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import com.homeworkapi.attempt.AttemptContent;
import com.homeworkapi.attempt.AttemptOutcome;
import com.homeworkapi.attempt.AttemptRequest;
import com.homeworkapi.attempt.AttemptResponse;
import com.homeworkapi.attempt.Obstacle;
import com.homeworkapi.attempt.Rater;
import com.homeworkapi.common.Problem;
import com.homeworkapi.measurement.MeasurementResponse;
import com.homeworkapi.measurement.MeasurementService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The answers' writer against HAPI's own encoder: the same bytes for every kind of resource the
 * mappings make, with text that JSON must escape in every free-text field.
 */
class FhirJsonWriterTest {

    private static final FhirContext HAPI = FhirContext.forR4Cached();

    /** Quotes, backslash, control characters, line and paragraph separators, markup, accents, an emoji. */
    private static final String AWKWARD = "\"quoted\" back\\slash \u0001\u001f tab\t new\nline \u2028\u2029 "
            + "</div><script>x</script> & Zoë \u05e9\u05dc\u05d5\u05dd \uD83D\uDE00 \u007f";

    @Test
    void shouldWriteAnAttemptWithEveryFieldAsHapiDoes() throws IOException {
        assertWrittenAsHapiWritesIt(Observations.fromAttempt(attempt(AWKWARD)));
        assertWrittenAsHapiWritesIt(Observations.fromAttempt(attempt(null)));
    }

    @Test
    void shouldWriteAMeasurementWithItemsAndIdentifiersAsHapiDoes() throws IOException {
        MeasurementResponse phq9 = new MeasurementResponse(UUID.randomUUID(), UUID.randomUUID(), "phq9", 14.0,
                List.of(0, 1, 2, 3, 3, 2, 1, 1, 1), true, LocalDate.of(2026, 11, 30), AWKWARD,
                Instant.parse("2026-12-01T10:15:30.123456Z"));
        assertWrittenAsHapiWritesIt(Observations.fromMeasurement(phq9,
                List.of(new MeasurementService.Identifier("urn:ehr:" + AWKWARD, AWKWARD))));
    }

    @Test
    void shouldWriteAnOperationOutcomeEchoingWhatWasSentAsHapiDoes() throws IOException {
        Problem problem = new Problem("https://homework-api.dev/problems/invalid", "Invalid request", 400, AWKWARD,
                List.of(new Problem.FieldError(AWKWARD, AWKWARD)));
        assertWrittenAsHapiWritesIt(OperationOutcomes.of(problem));
    }

    @Test
    void shouldWriteNumbersWithTheDigitsTheyWereGivenAndExtensionsAsHapiDoes() throws IOException {
        Observation observation = new Observation();
        observation.setId("numbers");
        observation.setValue(new Quantity().setValueElement(new DecimalType("1.50")));
        observation.addExtension(new Extension("https://example.org/text", new StringType(AWKWARD)));
        observation.getCode().setTextElement(new StringType("coded"));
        observation.getCode().getTextElement().addExtension(new Extension("https://example.org/x",
                new DecimalType(new BigDecimal("0.000100"))));
        assertWrittenAsHapiWritesIt(observation);
    }

    @Test
    void shouldWriteASearchsetOfMixedEntriesAsHapiDoes() throws IOException {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl("https://api.example.org/fhir/R4/Observation?patient=x&_count=2");
        for (Resource resource : List.of(Observations.fromAttempt(attempt(AWKWARD)),
                Observations.fromAttempt(attempt("plain")))) {
            bundle.addEntry().setFullUrl("https://api.example.org/fhir/R4/Observation/" + resource.getIdPart())
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        assertWrittenAsHapiWritesIt(bundle);
    }

    /** Input checks keep half a character out of storage; were one to get through, it is escaped, never an error. */
    @Test
    void shouldEscapeHalfACharacterRatherThanFail() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        FhirJsonWriter.write(Observations.fromAttempt(attempt("a\uD800b")), written);
        Observation read = HAPI.newJsonParser().parseResource(Observation.class, written.toString(StandardCharsets.UTF_8));
        assertEquals("a\uD800b", read.getNoteFirstRep().getText());
    }

    private static AttemptResponse attempt(String note) {
        return new AttemptResponse(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-01T10:15:30.123456Z"),
                new AttemptContent(UUID.randomUUID(), Instant.parse("2026-11-30T18:00:00Z"), AttemptOutcome.PARTIAL,
                        0.5, 25, new AttemptRequest.Suds(60, 80, 35), new AttemptRequest.Quality(3, Rater.CLINICIAN),
                        List.of(Obstacle.NO_TIME, Obstacle.OTHER), note));
    }

    private static void assertWrittenAsHapiWritesIt(Resource resource) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        FhirJsonWriter.write(resource, written);
        String hapi = HAPI.newJsonParser().encodeResourceToString(resource);
        assertEquals(hapi, written.toString(StandardCharsets.UTF_8));
    }
}
