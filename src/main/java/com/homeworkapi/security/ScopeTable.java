package com.homeworkapi.security;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table from operations to the SMART scope they need, for {@code /v1} and
 * {@code /fhir/R4} alike (the README prints it). A token without {@code scope} keeps its role's
 * rules; a token with it may call an operation only when its role allows it and a scope grants
 * the permission (c create, r read, u update, d delete, s search) on every FHIR type listed. An
 * operation missing here is refused to every scoped token; a test holds the table to the contract.
 */
public final class ScopeTable {

    /** What an operation needs: this permission on each of these FHIR types ({@code *}: only a wildcard scope). */
    public record Need(char permission, Set<String> types) {

        public static Need of(char permission, String... types) {
            return new Need(permission, Set.of(types));
        }

        /** Open to every token: the FHIR CapabilityStatement and the SMART configuration. */
        public boolean open() {
            return types.isEmpty();
        }
    }

    private static final Need OPEN = new Need('r', Set.of());

    public static final Map<String, Need> OPERATIONS = Map.ofEntries(
            // Clients are Patients.
            entry("createClient", Need.of('c', "Patient")),
            entry("listClients", Need.of('s', "Patient")),
            entry("getClient", Need.of('r', "Patient")),
            entry("updateClient", Need.of('u', "Patient")),
            entry("fhir.Patient.read", Need.of('r', "Patient")),
            entry("fhir.Patient.search", Need.of('s', "Patient")),
            // Goals are Goals.
            entry("createGoal", Need.of('c', "Goal")),
            entry("listGoals", Need.of('s', "Goal")),
            entry("getGoal", Need.of('r', "Goal")),
            entry("updateGoal", Need.of('u', "Goal")),
            entry("fhir.Goal.read", Need.of('r', "Goal")),
            entry("fhir.Goal.search", Need.of('s', "Goal")),
            // Assignments are the activities of the client's CarePlan; their revisions its history.
            entry("createAssignment", Need.of('c', "CarePlan")),
            entry("listAssignments", Need.of('s', "CarePlan")),
            entry("getAssignment", Need.of('r', "CarePlan")),
            entry("updateAssignment", Need.of('u', "CarePlan")),
            entry("listRevisions", Need.of('r', "CarePlan")),
            entry("listOccurrences", Need.of('s', "CarePlan")),
            entry("fhir.CarePlan.read", Need.of('r', "CarePlan")),
            // With _include=CarePlan:goal the Bundle holds Goals too, which then need Goal.s as well.
            entry("fhir.CarePlan.search", Need.of('s', "CarePlan")),
            // Attempts, measurements, reviews and every figure scored from them are Observations.
            entry("logAttempt", Need.of('c', "Observation")),
            entry("syncAttempts", Need.of('c', "Observation")),
            entry("listAttempts", Need.of('s', "Observation")),
            entry("listClientAttempts", Need.of('s', "Observation")),
            entry("getAttempt", Need.of('r', "Observation")),
            entry("recordMeasurement", Need.of('c', "Observation")),
            entry("listMeasurements", Need.of('s', "Observation")),
            entry("createReview", Need.of('c', "Observation")),
            entry("listReviews", Need.of('s', "Observation")),
            entry("getClientCompliance", Need.of('s', "Observation")),
            entry("getAssignmentCompliance", Need.of('s', "Observation")),
            entry("getClientProgress", Need.of('s', "Observation")),
            // The session summary page and the compliance chart (getClientCompliance as SVG) draw the same figures.
            entry("getClientSummary", Need.of('s', "Observation")),
            entry("fhir.Observation.read", Need.of('r', "Observation")),
            entry("fhir.Observation.search", Need.of('s', "Observation")),
            entry("fhir.Observation.create", Need.of('c', "Observation")),
            // Clinic reports list clients with their figures.
            entry("getComplianceReport", Need.of('s', "Patient", "Observation")),
            entry("getAtRiskReport", Need.of('s', "Patient", "Observation")),
            // The change feed carries goals, assignments and attempts.
            entry("listChanges", Need.of('s', "Goal", "CarePlan", "Observation")),
            // Clinic settings are no FHIR resource: only a wildcard scope reaches them.
            entry("getClinicSettings", Need.of('r', "*")),
            entry("updateClinicSettings", Need.of('u', "*")),
            // Webhook endpoints are no FHIR resource either: only a wildcard scope reaches them.
            entry("createWebhook", Need.of('c', "*")),
            entry("listWebhooks", Need.of('s', "*")),
            entry("getWebhook", Need.of('r', "*")),
            entry("updateWebhook", Need.of('u', "*")),
            entry("deleteWebhook", Need.of('d', "*")),
            entry("rotateWebhookSecret", Need.of('u', "*")),
            entry("listWebhookMessages", Need.of('s', "*")),
            entry("resendWebhookMessages", Need.of('u', "*")),
            entry("listWebhookAttempts", Need.of('s', "*")),
            entry("listAuditEvents", Need.of('s', "AuditEvent")),
            entry("verifyAuditEvents", Need.of('r', "AuditEvent")),
            entry("fhir.metadata", OPEN),
            entry("fhir.smartConfiguration", OPEN));

    private ScopeTable() {
    }

    public static Optional<Need> need(String operation) {
        return Optional.ofNullable(OPERATIONS.get(operation));
    }
}
