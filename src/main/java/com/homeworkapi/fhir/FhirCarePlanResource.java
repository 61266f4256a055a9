package com.homeworkapi.fhir;

import com.homeworkapi.assignment.AssignmentResponse;
import com.homeworkapi.assignment.AssignmentService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.Audited;
import com.homeworkapi.common.AuditedAs;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.goal.GoalResponse;
import com.homeworkapi.goal.GoalService;
import com.homeworkapi.security.Caller;
import com.homeworkapi.security.Roles;
import com.homeworkapi.security.ScopeTable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Resource;

/**
 * A client's homework as one CarePlan, read or searched by patient, with its Goals in the same
 * Bundle on {@code _include=CarePlan:goal}: what an EHR reads to put the plan in the chart.
 */
@Audited
@Path(FhirMedia.BASE_PATH)
@Produces(FhirMedia.FHIR_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class FhirCarePlanResource {

    static final String PATIENT = "patient";
    static final String INCLUDE = "_include";
    static final String INCLUDE_GOALS = "CarePlan:goal";
    static final String STATUS = "status";
    static final String REQUEST_STATUS = "http://hl7.org/fhir/request-status";
    static final Set<String> SEARCH_PARAMETERS = Set.of(PATIENT, INCLUDE, STATUS, LastUpdatedFilter.NAME);

    @Inject
    AssignmentService assignments;

    @Inject
    GoalService goals;

    @Inject
    AuditDetails auditDetails;

    @Inject
    Caller caller;

    @GET
    @Path("CarePlan/{clientId}")
    @AuditedAs(value = "fhir.CarePlan.read", resourceType = "CarePlan")
    public CarePlan readCarePlan(@PathParam("clientId") UUID clientId, @Context UriInfo uri) {
        SearchParameters.ofRead(uri);
        return plan(clientId, allGoals(clientId));
    }

    @GET
    @Path("CarePlan")
    @AuditedAs(value = "fhir.CarePlan.search", resourceType = "CarePlan")
    public Bundle searchCarePlan(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.ofSearch(uri, SEARCH_PARAMETERS);
        UUID clientId = FhirObservationResource.patientId(search.single(PATIENT)
                .orElseThrow(() -> ApiProblem.invalid(PATIENT, "is required: a CarePlan is searched per patient")));
        auditDetails.touchedClients(List.of(clientId));
        boolean includeGoals = false;
        for (String include : search.all(INCLUDE)) {
            if (!INCLUDE_GOALS.equals(include)) {
                throw ApiProblem.invalid(INCLUDE, "supports only CarePlan:goal");
            }
            includeGoals = true;
        }
        if (includeGoals) {
            caller.requireScope(ScopeTable.Need.of('s', "Goal"));
        }
        List<List<ObservationQuery.Token>> statuses = search.all(STATUS).stream()
                .map(value -> Arrays.stream(value.split(",", -1))
                        .map(text -> ObservationQuery.Token.parse(STATUS, text)).toList())
                .toList();
        LastUpdatedFilter updated = LastUpdatedFilter.parse(search.all(LastUpdatedFilter.NAME));
        // One plan per client: there is never a next page, whatever _count says.
        search.count();
        if (search.cursor().isPresent()) {
            throw SearchParameters.unreadableCursor();
        }
        List<GoalResponse> clientGoals = allGoals(clientId);
        CarePlan plan = plan(clientId, clientGoals);
        if (!matches(plan, statuses, updated)) {
            return SearchBundles.searchset(uri, List.of(), List.of(), null);
        }
        List<Resource> included = includeGoals
                ? clientGoals.stream().<Resource>map(goal -> Goals.from(goal, null)).toList()
                : List.of();
        return SearchBundles.searchset(uri, List.of(plan), included, null);
    }

    /**
     * {@code status} (request-status codes; comma-separated ORed, repeated ANDed) and
     * {@code _lastUpdated} (the plan's: its latest assignment change; a plan without assignments
     * has none, so it matches no {@code _lastUpdated}), checked on the one plan.
     */
    private static boolean matches(CarePlan plan, List<List<ObservationQuery.Token>> statuses,
            LastUpdatedFilter updated) {
        String status = plan.getStatus().toCode();
        if (!statuses.stream().allMatch(any -> any.stream().anyMatch(token -> token.matches(REQUEST_STATUS, status)))) {
            return false;
        }
        if (updated.from() == null && updated.before() == null) {
            return true;
        }
        return plan.getMeta().hasLastUpdated() && updated.matches(plan.getMeta().getLastUpdated().toInstant());
    }

    private CarePlan plan(UUID clientId, List<GoalResponse> clientGoals) {
        List<AssignmentResponse> all = all(page -> assignments.listAssignments(clientId, null, page));
        return CarePlans.from(clientId, all, clientGoals.stream().map(GoalResponse::id).toList());
    }

    private List<GoalResponse> allGoals(UUID clientId) {
        return all(page -> goals.listGoals(clientId, page));
    }

    /** Every page of a list, in its order. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = list.apply(PageRequest.of(Integer.toString(PageRequest.MAX_LIMIT), cursor));
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }
}
