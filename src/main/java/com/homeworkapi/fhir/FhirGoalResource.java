package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.Audited;
import com.homeworkapi.common.AuditedAs;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.goal.GoalResponse;
import com.homeworkapi.goal.GoalService;
import com.homeworkapi.goal.GoalStatus;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/** A client's goals as FHIR Goals, through the service of {@code /v1/goals}. */
@Audited
@Path(FhirMedia.BASE_PATH)
@Produces(FhirMedia.FHIR_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class FhirGoalResource {

    static final String PATIENT = "patient";
    static final String LIFECYCLE_STATUS = "lifecycle-status";
    static final Set<String> SEARCH_PARAMETERS = Set.of(PATIENT, LIFECYCLE_STATUS, LastUpdatedFilter.NAME);

    @Inject
    GoalService goals;

    @Inject
    AuditDetails auditDetails;

    @GET
    @Path("Goal/{goalId}")
    @AuditedAs(value = "fhir.Goal.read", resourceType = "Goal")
    public Response readGoal(@PathParam("goalId") UUID goalId, @Context UriInfo uri) {
        SearchParameters.ofRead(uri);
        Tagged<GoalResponse> goal = goals.getGoal(goalId);
        auditDetails.touchedClients(List.of(goal.body().clientId()));
        return FhirAnswers.read(Goals.from(goal.body(), goal.version()), goal.version());
    }

    @GET
    @Path("Goal")
    @AuditedAs(value = "fhir.Goal.search", resourceType = "Goal")
    public Bundle searchGoal(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.ofSearch(uri, SEARCH_PARAMETERS);
        UUID clientId = FhirObservationResource.patientId(search.single(PATIENT)
                .orElseThrow(() -> ApiProblem.invalid(PATIENT, "is required: Goals are searched per patient")));
        auditDetails.touchedClients(List.of(clientId));
        Set<GoalStatus> statuses = Goals.statuses(search.all(LIFECYCLE_STATUS));
        LastUpdatedFilter updated = LastUpdatedFilter.parse(search.all(LastUpdatedFilter.NAME));
        Page<GoalResponse> page = goals.listGoals(clientId, statuses, updated.from(), updated.before(),
                search.page());
        return SearchBundles.searchset(uri, page.items().stream().map(goal -> Goals.from(goal, null)).toList(),
                List.of(), page.nextCursor());
    }
}
