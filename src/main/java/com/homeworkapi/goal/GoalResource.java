package com.homeworkapi.goal;

import com.homeworkapi.common.Audited;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;

@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class GoalResource {

    @Inject
    GoalService goals;

    @POST
    @Path("clients/{clientId}/goals")
    public Response createGoal(@PathParam("clientId") UUID clientId, @Valid @NotNull GoalRequest request) {
        var created = goals.createGoal(clientId, request);
        return created.created(UriBuilder.fromPath("/v1/goals/{goalId}").build(created.body().id()));
    }

    @GET
    @Path("clients/{clientId}/goals")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Page<GoalResponse> listGoals(@PathParam("clientId") UUID clientId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return goals.listGoals(clientId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("goals/{goalId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Response getGoal(@PathParam("goalId") UUID goalId) {
        return goals.getGoal(goalId).ok();
    }

    @PUT
    @Path("goals/{goalId}")
    public Response updateGoal(@PathParam("goalId") UUID goalId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalRequest request) {
        return goals.updateGoal(goalId, ifMatch, request).ok();
    }
}
