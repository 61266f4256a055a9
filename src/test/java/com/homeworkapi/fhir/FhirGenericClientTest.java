package com.homeworkapi.fhir;

import static com.homeworkapi.fhir.FhirObservationTest.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.homeworkapi.support.FhirValidation;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * The FHIR face as an integration engine uses it, through HAPI FHIR's generic client: a patient's
 * Observations page by page, the CarePlan with its Goals, and a PHQ-9 total pushed twice with
 * If-None-Exist and stored once.
 */
@QuarkusTest
class FhirGenericClientTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void shouldSearchAPatientsObservationsPageByPage() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID assignmentId = clinic.createAssignment(clientId);
        List<String> logged = new ArrayList<>();
        for (int day = 5; day <= 9; day++) {
            logged.add("attempt-" + created(clinic, "/v1/assignments/" + assignmentId + "/attempts",
                    Map.of("occurredAt", "2026-01-0" + day + "T08:00:00Z", "outcome", "completed")));
        }
        IGenericClient ehr = client(clinic);

        Bundle page = ehr.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(clientId.toString()))
                .and(Observation.CODE.exactly().systemAndCode(CodeSystems.HOMEWORK, CodeSystems.ATTEMPT_CODE))
                .count(2).returnBundle(Bundle.class).execute();
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            FhirValidation.assertValid(FHIR.newJsonParser().encodeResourceToString(page));
            page.getEntry().forEach(entry -> seen.add(entry.getResource().getIdElement().getIdPart()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = ehr.loadPage().next(page).execute();
        }

        assertEquals(3, pages);
        assertEquals(logged, seen, "in the order they occurred, each once");
    }

    @Test
    void shouldReadTheCarePlanWithItsGoals() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        UUID goalId = clinic.createGoal(clientId);
        clinic.createAssignment(clientId);

        Bundle bundle = client(clinic).search().forResource(CarePlan.class)
                .where(CarePlan.PATIENT.hasId(clientId.toString())).include(CarePlan.INCLUDE_GOAL)
                .returnBundle(Bundle.class).execute();

        CarePlan plan = (CarePlan) bundle.getEntryFirstRep().getResource();
        assertEquals(clientId.toString(), plan.getIdElement().getIdPart());
        assertEquals(1, plan.getActivity().size());
        Goal goal = (Goal) bundle.getEntry().get(1).getResource();
        assertEquals(goalId.toString(), goal.getIdElement().getIdPart());
        assertEquals("Goal/" + goalId, plan.getGoalFirstRep().getReference());
    }

    @Test
    void shouldCreateAPhq9TotalOnceWhateverHowOftenItIsSent() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        IGenericClient ehr = client(clinic);
        String identifier = "EHR-QR-" + UUID.randomUUID();
        Observation phq9 = new Observation();
        phq9.setStatus(Observation.ObservationStatus.FINAL);
        phq9.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.19.5").setValue(identifier);
        phq9.getCode().addCoding().setSystem("http://loinc.org").setCode("44261-6");
        phq9.setSubject(new Reference("Patient/" + clientId));
        phq9.setEffective(new DateTimeType("2026-01-12"));
        phq9.setValue(new Quantity().setValue(new BigDecimal("13")).setSystem("http://unitsofmeasure.org")
                .setCode("{score}").setUnit("{score}"));

        MethodOutcome first = ehr.create().resource(phq9)
                .conditionalByUrl("Observation?identifier=urn:oid:2.16.840.1.113883.19.5|" + identifier).execute();
        MethodOutcome resent = ehr.create().resource(phq9)
                .conditionalByUrl("Observation?identifier=urn:oid:2.16.840.1.113883.19.5|" + identifier).execute();

        assertTrue(Boolean.TRUE.equals(first.getCreated()), "the first send stores it");
        assertFalse(Boolean.TRUE.equals(resent.getCreated()), "the resend stores nothing");
        assertEquals(first.getId().getIdPart(), resent.getId().getIdPart());
        Bundle scores = ehr.search().forResource(Observation.class).where(Observation.PATIENT.hasId(clientId.toString()))
                .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "44261-6"))
                .returnBundle(Bundle.class).execute();
        assertEquals(1, scores.getEntry().size());
        Observation stored = (Observation) scores.getEntryFirstRep().getResource();
        assertEquals(13, stored.getValueQuantity().getValue().intValue());
        assertEquals(new HashSet<>(List.of(first.getId().getIdPart())),
                new HashSet<>(List.of(stored.getIdElement().getIdPart())));
    }

    private static IGenericClient client(TestClinic clinic) {
        IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + RestAssured.port + "/fhir/R4");
        client.setEncoding(EncodingEnum.JSON);
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.staff(clinic.id, "integration")));
        return client;
    }
}
