package com.homeworkapi.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every interaction of the FHIR face with what a test needs to call it validly on a seeded
 * client: the FHIR counterpart of {@link ApiOperation}, iterated over by the FHIR tests of
 * authorization, tenancy, bad input and audit. A test compares it with the /fhir/R4 operations of
 * openapi.yaml and with the CapabilityStatement.
 */
public enum FhirOperation {
    READ_METADATA("fhir.metadata", "/fhir/R4/metadata", Access.PUBLIC, "CapabilityStatement", null, Map.of()),
    /** Plain JSON, not a FHIR resource: SMART clients read it before they have a token. */
    READ_SMART_CONFIGURATION("fhir.smartConfiguration", "/fhir/R4/.well-known/smart-configuration", Access.PUBLIC,
            null, null, Map.of()),
    SEARCH_PATIENT("fhir.Patient.search", "/fhir/R4/Patient", Access.STAFF, "Bundle", null, Map.of()),
    READ_PATIENT("fhir.Patient.read", "/fhir/R4/Patient/{id}", Access.CLIENT_TOO, "Patient",
            seeded -> seeded.clientId.toString(), Map.of()),
    SEARCH_OBSERVATION("fhir.Observation.search", "/fhir/R4/Observation", Access.CLIENT_TOO, "Bundle",
            seeded -> seeded.clientId.toString(), Map.of()),
    CREATE_OBSERVATION("fhir.Observation.create", "/fhir/R4/Observation", Access.STAFF, "Observation",
            seeded -> seeded.clientId.toString(), Map.of()),
    READ_OBSERVATION("fhir.Observation.read", "/fhir/R4/Observation/{id}", Access.CLIENT_TOO, "Observation",
            seeded -> "attempt-" + seeded.attemptId, Map.of()),
    SEARCH_GOAL("fhir.Goal.search", "/fhir/R4/Goal", Access.CLIENT_TOO, "Bundle",
            seeded -> seeded.clientId.toString(), Map.of()),
    READ_GOAL("fhir.Goal.read", "/fhir/R4/Goal/{id}", Access.CLIENT_TOO, "Goal",
            seeded -> seeded.goalId.toString(), Map.of()),
    SEARCH_CARE_PLAN("fhir.CarePlan.search", "/fhir/R4/CarePlan", Access.CLIENT_TOO, "Bundle",
            seeded -> seeded.clientId.toString(), Map.of("_include", "CarePlan:goal")),
    READ_CARE_PLAN("fhir.CarePlan.read", "/fhir/R4/CarePlan/{id}", Access.CLIENT_TOO, "CarePlan",
            seeded -> seeded.clientId.toString(), Map.of());

    /** Who may call an interaction: anyone, the clinic's staff, or staff and a client token for its own data. */
    public enum Access {
        PUBLIC(List.of("clinician", "integration", "admin", "client")),
        STAFF(List.of("clinician", "integration", "admin")),
        CLIENT_TOO(List.of("clinician", "integration", "admin", "client"));

        private final List<String> roles;

        Access(List<String> roles) {
            this.roles = roles;
        }
    }

    public static final String FHIR_JSON = "application/fhir+json";

    public final String operationId;
    public final String path;
    public final Access access;
    /** The resource type of a successful answer; null for plain JSON. */
    public final String answers;
    /** The id in the path of a read, or the patient of a search by patient; null when the clinic as a whole is searched. */
    private final Function<SeededClient, String> target;
    /** Parameters a valid call sends besides its target. */
    private final Map<String, String> query;

    FhirOperation(String operationId, String path, Access access, String answers,
            Function<SeededClient, String> target, Map<String, String> query) {
        this.operationId = operationId;
        this.path = path;
        this.access = access;
        this.answers = answers;
        this.target = target;
        this.query = query;
    }

    public boolean allows(String role) {
        return access.roles.contains(role);
    }

    public boolean clientVisible() {
        return access != Access.STAFF;
    }

    /** Reads or searches one client's data, named in the path or by {@code patient}. */
    public boolean namesAClient() {
        return target != null;
    }

    /** Answers a FHIR resource (all but the SMART configuration, which is plain JSON). */
    public boolean answersFhir() {
        return answers != null;
    }

    public boolean isCreate() {
        return this == CREATE_OBSERVATION;
    }

    /** 201 for a create, 200 for the rest. */
    public int successStatus() {
        return isCreate() ? 201 : 200;
    }

    /** A PHQ-9 total as an EHR sends it, for this patient, with this identifier. */
    public static String phq9Total(String patientId, String system, String value) {
        return """
                {"resourceType": "Observation", "status": "final",
                 "identifier": [{"system": "%s", "value": "%s"}],
                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                   "code": "survey"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]},
                 "subject": {"reference": "Patient/%s"},
                 "effectiveDateTime": "2026-01-12",
                 "valueQuantity": {"value": 12, "unit": "{score}", "system": "http://unitsofmeasure.org", "code": "{score}"}}
                """.formatted(system, value, patientId);
    }

    public boolean isSearch() {
        return "Bundle".equals(answers);
    }

    public boolean audited() {
        return access != Access.PUBLIC;
    }

    /** The id a valid call names for the seeded client: in the path of a read, as {@code patient} of a search. */
    public String targetOf(SeededClient seeded) {
        return target == null ? null : target.apply(seeded);
    }

    /** Calls the interaction validly on the seeded client's data. */
    public Response send(RequestSpecification request, SeededClient seeded) {
        return send(request, target == null ? null : target.apply(seeded), Map.of());
    }

    /** Calls it with this id in place of the seeded client's (another clinic's, or one that does not exist). */
    public Response send(RequestSpecification request, String targetId, Map<String, String> extraQuery) {
        request.accept(answersFhir() ? FHIR_JSON : "application/json");
        query.forEach(request::queryParam);
        extraQuery.forEach(request::queryParam);
        if (isCreate()) {
            return request.contentType(FHIR_JSON).body(phq9Total(targetId, "urn:ietf:rfc:3986", "urn:uuid:" + UUID.randomUUID()))
                    .post(path);
        }
        if (path.contains("{id}")) {
            return request.get(path, targetId);
        }
        if (targetId != null) {
            request.queryParam("patient", targetId);
        }
        return request.get(path);
    }

    /** An id of the kind the interaction names that no clinic has. */
    public String absentId() {
        return this == READ_OBSERVATION ? "attempt-" + UUID.randomUUID() : UUID.randomUUID().toString();
    }

    @Override
    public String toString() {
        return operationId;
    }
}
