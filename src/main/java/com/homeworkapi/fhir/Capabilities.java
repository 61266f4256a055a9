package com.homeworkapi.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The CapabilityStatement: exactly the resources, interactions and search parameters the FHIR
 * face serves, and how it is secured. Each entry here has its resource method; a test reads the
 * statement back and calls every interaction it lists.
 */
final class Capabilities {

    /** When this statement last changed: a release of the FHIR face. */
    private static final Date PUBLISHED = Date.from(Instant.parse("2026-12-02T00:00:00Z"));

    /** A supported search parameter: its name, type and what it matches. */
    record Parameter(String name, SearchParamType type, String documentation) {
    }

    /** A supported resource type with its interactions, search parameters and {@code _include}s. */
    record Supported(String type, List<TypeRestfulInteraction> interactions, List<Parameter> parameters,
            List<String> includes) {

        Supported(String type, List<TypeRestfulInteraction> interactions, List<Parameter> parameters) {
            this(type, interactions, parameters, List.of());
        }
    }

    private static final List<TypeRestfulInteraction> READ_AND_SEARCH =
            List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);

    static final List<Supported> RESOURCES = List.of(
            new Supported("Patient", READ_AND_SEARCH, List.of(new Parameter(FhirPatientResource.IDENTIFIER,
                    SearchParamType.TOKEN,
                    "An identifier the EHR knows the client by, written system|value (both required)."))),
            new Supported("Observation", List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE,
                    TypeRestfulInteraction.CREATE),
                    List.of(new Parameter(FhirObservationResource.PATIENT, SearchParamType.REFERENCE,
                                    "Required: the client, as Patient/<id> or <id>."),
                            new Parameter(ObservationQuery.CATEGORY, SearchParamType.TOKEN,
                                    "therapy (attempts, weekly compliance) or survey (symptom scores), of"
                                            + " observation-category; comma-separated values are ORed."),
                            new Parameter(ObservationQuery.CODE, SearchParamType.TOKEN,
                                    "One code: homework-attempt, weekly-homework-compliance, LOINC 44261-6"
                                            + " (PHQ-9) or 70274-6 (GAD-7), or an instrument's code."),
                            new Parameter(DateFilter.NAME, SearchParamType.DATE,
                                    "Days (YYYY-MM-DD) in the client's time zone, with eq, ge, gt, le or lt;"
                                            + " repeated values are ANDed."),
                            new Parameter(ObservationQuery.STATUS, SearchParamType.TOKEN,
                                    "final (attempts, symptom scores, ended weeks) or preliminary (the week"
                                            + " running), of observation-status; comma-separated values are ORed."),
                            new Parameter(ObservationQuery.IDENTIFIER, SearchParamType.TOKEN,
                                    "An identifier another system gave a symptom score it created: system|value,"
                                            + " value (any system) or system| (any value); one per search."),
                            new Parameter(LastUpdatedFilter.NAME, SearchParamType.DATE,
                                    "When the server last changed it (meta.lastUpdated): a UTC day or a date-time"
                                            + " with its zone, with eq, ge, gt, le or lt; repeated values are ANDed."))),
            new Supported("Goal", READ_AND_SEARCH, List.of(new Parameter(FhirGoalResource.PATIENT,
                    SearchParamType.REFERENCE, "Required: the client, as Patient/<id> or <id>."),
                    new Parameter(FhirGoalResource.LIFECYCLE_STATUS, SearchParamType.TOKEN,
                            "proposed, active, on-hold, completed or cancelled, of goal-status;"
                                    + " comma-separated values are ORed."),
                    new Parameter(LastUpdatedFilter.NAME, SearchParamType.DATE,
                            "When the goal was last changed (meta.lastUpdated), as for Observation."))),
            new Supported("CarePlan", READ_AND_SEARCH, List.of(new Parameter(FhirCarePlanResource.PATIENT,
                    SearchParamType.REFERENCE, "Required: the client, as Patient/<id> or <id>; one plan per client."),
                    new Parameter(FhirCarePlanResource.STATUS, SearchParamType.TOKEN,
                            "draft, active, on-hold or completed, of request-status; comma-separated values are ORed."),
                    new Parameter(LastUpdatedFilter.NAME, SearchParamType.DATE,
                            "When an assignment of the plan last changed (meta.lastUpdated), as for Observation;"
                                    + " a plan without assignments matches none.")),
                    List.of(FhirCarePlanResource.INCLUDE_GOALS)));

    private Capabilities() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(PUBLISHED);
        statement.setPublisher("Homework API");
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Homework API");
        statement.getImplementation().setDescription("Homework API FHIR R4 face").setUrl(base);
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addFormat(FhirMedia.FHIR_JSON);
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(false)
                .setDescription("Bearer JWTs from the clinic's identity provider (SMART Backend Services:"
                        + " client credentials with private_key_jwt); see .well-known/smart-configuration.")
                .addService().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("SMART-on-FHIR");
        Narratives.Builder narrative = Narratives.of("Homework API FHIR R4 server");
        for (Supported supported : RESOURCES) {
            narrative.fact(supported.type(), supported.interactions().stream().map(TypeRestfulInteraction::toCode)
                    .collect(Collectors.joining(", ")) + "; search by " + supported.parameters().stream()
                    .map(Parameter::name).collect(Collectors.joining(", ")));
        }
        narrative.setOn(statement);
        for (Supported supported : RESOURCES) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(supported.type());
            if (supported.interactions().contains(TypeRestfulInteraction.CREATE)) {
                // Symptom scores only, and with If-None-Exist on an identifier.
                resource.setConditionalCreate(true);
            }
            for (TypeRestfulInteraction interaction : supported.interactions()) {
                resource.addInteraction().setCode(interaction);
            }
            supported.includes().forEach(resource::addSearchInclude);
            for (Parameter parameter : supported.parameters()) {
                resource.addSearchParam().setName(parameter.name()).setType(parameter.type())
                        .setDocumentation(parameter.documentation());
            }
        }
        return statement;
    }
}
