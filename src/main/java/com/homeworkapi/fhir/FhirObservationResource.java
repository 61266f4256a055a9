package com.homeworkapi.fhir;

import com.homeworkapi.attempt.AttemptResponse;
import com.homeworkapi.attempt.AttemptService;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.Audited;
import com.homeworkapi.common.AuditedAs;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.compliance.ComplianceResponse;
import com.homeworkapi.compliance.ComplianceService;
import com.homeworkapi.compliance.WeekResponse;
import com.homeworkapi.fhir.ObservationIds.Kind;
import com.homeworkapi.measurement.MeasurementFilter;
import com.homeworkapi.measurement.MeasurementResponse;
import com.homeworkapi.measurement.MeasurementService;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * A client's attempts, symptom measurements and weekly compliance as Observations, read and
 * searched through the services of {@code /v1} (attempts, measurements, compliance), which check
 * who may see what: a client token sees its own, staff their clinic's.
 */
@Audited
@Path(FhirMedia.BASE_PATH)
@Produces(FhirMedia.FHIR_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class FhirObservationResource {

    static final String PATIENT = "patient";
    static final Set<String> SEARCH_PARAMETERS = Set.of(PATIENT, ObservationQuery.CATEGORY, ObservationQuery.CODE,
            ObservationQuery.STATUS, ObservationQuery.IDENTIFIER, DateFilter.NAME, LastUpdatedFilter.NAME);

    /** The longest range of weeks compliance is scored over in one call (as /v1's WeekRange). */
    private static final long MAX_WEEKS_BACK = 105;

    @Inject
    ClientService clients;

    @Inject
    AttemptService attempts;

    @Inject
    MeasurementService measurements;

    @Inject
    ComplianceService compliance;

    @Inject
    AuditDetails auditDetails;

    @Inject
    Clock clock;

    @GET
    @Path("Observation/{observationId}")
    @AuditedAs(value = "fhir.Observation.read", resourceType = "Observation")
    public Observation readObservation(@PathParam("observationId") String observationId, @Context UriInfo uri) {
        SearchParameters.ofRead(uri);
        ObservationIds id = ObservationIds.parse(observationId);
        try {
            return switch (id.kind()) {
                case ATTEMPT -> {
                    AttemptResponse attempt = attempts.getAttempt(id.id());
                    auditDetails.touchedClients(List.of(attempt.clientId()));
                    yield Observations.fromAttempt(attempt);
                }
                case MEASUREMENT -> {
                    MeasurementResponse measurement = measurements.getMeasurement(id.id());
                    auditDetails.touchedClients(List.of(measurement.clientId()));
                    yield Observations.fromMeasurement(measurement, identifiersOf(List.of(measurement))
                            .getOrDefault(measurement.id(), List.of()));
                }
                case WEEK -> readWeek(id.id(), id.week());
            };
        } catch (ApiProblem problem) {
            // Whichever record was missing (or another clinic's), the Observation is.
            throw problem.status() == 404 ? ApiProblem.notFound("Observation") : problem;
        }
    }

    private Observation readWeek(UUID clientId, String isoWeek) {
        auditDetails.touchedClients(List.of(clientId));
        IsoWeek week;
        try {
            week = IsoWeek.parse(isoWeek);
        } catch (RuntimeException notAWeek) {
            throw ApiProblem.notFound("Observation");
        }
        ComplianceResponse figures = compliance.clientCompliance(clientId, week.monday().toString(),
                week.sunday().toString());
        return figures.weeks().stream()
                .filter(candidate -> candidate.week().equals(week.toString()))
                .findFirst()
                .map(found -> Observations.fromWeek(clientId, found, figures.computedAt()))
                .orElseThrow(() -> ApiProblem.notFound("Observation"));
    }

    @GET
    @Path("Observation")
    @AuditedAs(value = "fhir.Observation.search", resourceType = "Observation")
    public Bundle searchObservation(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.ofSearch(uri, SEARCH_PARAMETERS);
        UUID clientId = patientId(search.single(PATIENT)
                .orElseThrow(() -> ApiProblem.invalid(PATIENT, "is required: Observations are searched per patient")));
        auditDetails.touchedClients(List.of(clientId));
        ObservationQuery query = ObservationQuery.parse(search.all(ObservationQuery.CATEGORY),
                search.single(ObservationQuery.CODE).orElse(null), search.all(ObservationQuery.STATUS),
                search.single(ObservationQuery.IDENTIFIER).orElse(null));
        DateFilter dates = DateFilter.parse(search.all(DateFilter.NAME));
        LastUpdatedFilter updated = LastUpdatedFilter.parse(search.all(LastUpdatedFilter.NAME));
        int count = search.count();
        ObservationPages position = search.cursor().map(ObservationPages::decode).orElse(null);
        // Read first: it answers 404 for a client the caller may not see, whatever else was asked.
        ZoneId zone = clients.timeZoneOf(clientId);

        List<Resource> matches = new ArrayList<>();
        String next = null;
        if (!dates.empty() && !updated.empty()) {
            List<Kind> kinds = query.kinds().stream().sorted().toList();
            int first = position == null ? 0 : kinds.indexOf(position.kind());
            if (first < 0) {
                throw SearchParameters.unreadableCursor();
            }
            String inner = position == null ? null : position.inner();
            for (int index = first; index < kinds.size(); index++) {
                Kind kind = kinds.get(index);
                int remaining = count - matches.size();
                if (remaining == 0) {
                    next = new ObservationPages(kind, null).encode();
                    break;
                }
                Page<Resource> page = page(kind, clientId, query, dates, updated, zone, remaining, inner);
                matches.addAll(page.items());
                if (page.nextCursor() != null) {
                    next = new ObservationPages(kind, page.nextCursor()).encode();
                    break;
                }
                inner = null;
            }
        }
        return SearchBundles.searchset(uri, matches, List.of(), next);
    }

    /** One page of one kind of Observation, from the service that holds it. */
    private Page<Resource> page(Kind kind, UUID clientId, ObservationQuery query, DateFilter dates,
            LastUpdatedFilter updated, ZoneId zone, int limit, String cursor) {
        return switch (kind) {
            case ATTEMPT -> {
                // An attempt is never edited: it was last updated when it was received.
                Page<AttemptResponse> rows = attempts.listClientAttempts(clientId, dates.fromInstant(zone),
                        dates.toInstant(zone), updated.from(), updated.before(), listPage(limit, cursor));
                yield new Page<>(rows.items().stream().<Resource>map(Observations::fromAttempt).toList(),
                        rows.nextCursor());
            }
            case MEASUREMENT -> {
                ObservationQuery.Identifier identifier = query.identifier();
                // Nor is a score: it was last updated when it was recorded.
                MeasurementFilter filter = new MeasurementFilter(query.instrument(), dates.from(), dates.toExclusive(),
                        updated.from(), updated.before(), identifier == null ? null : identifier.system(),
                        identifier == null ? null : identifier.value());
                Page<MeasurementResponse> rows = measurements.listMeasurements(clientId, filter,
                        listPage(limit, cursor));
                Map<UUID, List<MeasurementService.Identifier>> identifiers = identifiersOf(rows.items());
                yield new Page<>(rows.items().stream().<Resource>map(measurement -> Observations.fromMeasurement(
                        measurement, identifiers.getOrDefault(measurement.id(), List.of()))).toList(),
                        rows.nextCursor());
            }
            case WEEK -> weeks(clientId, query, dates, updated, zone, limit, cursor);
        };
    }

    /** The identifiers other systems gave these scores, written back as {@code Observation.identifier}. */
    private Map<UUID, List<MeasurementService.Identifier>> identifiersOf(List<MeasurementResponse> scores) {
        return measurements.identifiersOf(scores.stream().map(MeasurementResponse::id).toList());
    }

    /** A page of a /v1 list, whose cursor is that list's own (the weeks' is an index). */
    private static PageRequest listPage(int limit, String cursor) {
        return PageRequest.of(Integer.toString(limit), cursor);
    }

    /**
     * Weeks are scored together, fresh, for the range asked (by default every week so far, at
     * most two years); a page is a slice of those of the statuses asked, and its cursor the index of
     * the next week. They were last updated when they were scored: now.
     */
    private Page<Resource> weeks(UUID clientId, ObservationQuery query, DateFilter dates, LastUpdatedFilter updated,
            ZoneId zone, int limit, String cursor) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate to = dates.toInclusive() == null || dates.toInclusive().isAfter(today) ? null : dates.toInclusive();
        LocalDate from = dates.from() != null ? dates.from()
                : to != null ? to.minus(MAX_WEEKS_BACK, ChronoUnit.WEEKS) : null;
        if (from != null && from.isAfter(today)) {
            return new Page<>(List.of(), null);
        }
        int offset;
        try {
            offset = cursor == null ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException notAnIndex) {
            throw SearchParameters.unreadableCursor();
        }
        ComplianceResponse figures = compliance.clientCompliance(clientId, text(from), text(to));
        List<WeekResponse> weeks = !updated.matches(figures.computedAt()) ? List.of()
                : figures.weeks().stream().filter(week -> query.statuses().contains(Observations.weekStatus(week)))
                        .toList();
        if (offset < 0 || offset > weeks.size()) {
            throw SearchParameters.unreadableCursor();
        }
        int end = Math.min(weeks.size(), offset + limit);
        List<Resource> shown = weeks.subList(offset, end).stream()
                .<Resource>map(week -> Observations.fromWeek(clientId, week, figures.computedAt()))
                .toList();
        return new Page<>(shown, end < weeks.size() ? Integer.toString(end) : null);
    }

    /**
     * Stores a symptom score an EHR pushes (staff and integrations, as {@code /v1} measurements).
     * With {@code If-None-Exist: identifier=system|value} a score stored before under that
     * identifier is answered 200 and nothing is stored, so a resend stores nothing twice.
     */
    @POST
    @Path("Observation")
    @Consumes(FhirMedia.FHIR_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
    @AuditedAs(value = "fhir.Observation.create", resourceType = "Observation")
    public Response createObservation(Observation observation,
            @HeaderParam(ObservationCreates.IF_NONE_EXIST) String ifNoneExist, @Context UriInfo uri) {
        SearchParameters.ofRead(uri);
        if (observation == null) {
            throw ApiProblem.invalid("body", "must be a FHIR R4 Observation in JSON");
        }
        UUID clientId = ObservationCreates.subject(observation);
        auditDetails.touchedClients(List.of(clientId));
        ZoneId zone = clients.timeZoneOf(clientId);
        ObservationCreates.Score score = ObservationCreates.read(observation, clientId, zone);
        MeasurementService.Identifier unlessExists = ObservationCreates.ifNoneExist(ifNoneExist, score.identifiers());
        MeasurementService.Recorded recorded = measurements.recordIdentifiedMeasurement(clientId, score.request(),
                score.identifiers(), unlessExists);
        Observation answer = Observations.fromMeasurement(recorded.measurement(),
                identifiersOf(List.of(recorded.measurement())).getOrDefault(recorded.measurement().id(), List.of()));
        URI location = uri.getBaseUriBuilder().path(FhirMedia.BASE_PATH).path("Observation")
                .path(answer.getIdElement().getIdPart()).build();
        // A resend is answered with the score stored before, and where it is (Content-Location).
        return recorded.created() ? Response.created(location).entity(answer).build()
                : Response.ok(answer).contentLocation(location).build();
    }

    /** {@code Patient/<id>} or the bare id; anything else names no patient. */
    static UUID patientId(String reference) {
        String id = reference.startsWith("Patient/") ? reference.substring("Patient/".length()) : reference;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ApiProblem.invalid(PATIENT, "must be a Patient id or Patient/<id>");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
