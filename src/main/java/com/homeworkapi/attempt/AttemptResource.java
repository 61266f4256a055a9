package com.homeworkapi.attempt;

import com.homeworkapi.common.Audited;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.observability.DomainMetrics;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;

/** Attempts are client-visible throughout: a client reads and logs its own. */
@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class AttemptResource {

    @Inject
    AttemptService attempts;

    @Inject
    DomainMetrics metrics;

    /** 201 when stored now; 200 with the stored attempt when the same attempt was sent before. */
    @POST
    @Path("assignments/{assignmentId}/attempts")
    public Response logAttempt(@PathParam("assignmentId") UUID assignmentId, @Valid @NotNull AttemptRequest request) {
        AttemptService.Logged logged = attempts.logAttempt(assignmentId, request);
        if (!logged.created()) {
            return Response.ok(logged.attempt()).build();
        }
        // Counted here, once the service's transaction has committed the attempt.
        metrics.attemptsStored(DomainMetrics.AttemptSource.SINGLE, 1);
        return Response.created(UriBuilder.fromPath("/v1/attempts/{attemptId}").build(logged.attempt().id()))
                .entity(logged.attempt()).build();
    }

    @GET
    @Path("assignments/{assignmentId}/attempts")
    public Page<AttemptResponse> listAttempts(@PathParam("assignmentId") UUID assignmentId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return attempts.listAssignmentAttempts(assignmentId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("clients/{clientId}/attempts")
    public Page<AttemptResponse> listClientAttempts(@PathParam("clientId") UUID clientId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return attempts.listClientAttempts(clientId, from, to, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("attempts/{attemptId}")
    public AttemptResponse getAttempt(@PathParam("attemptId") UUID attemptId) {
        return attempts.getAttempt(attemptId);
    }
}
