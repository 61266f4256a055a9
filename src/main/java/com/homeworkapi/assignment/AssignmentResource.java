package com.homeworkapi.assignment;

import com.homeworkapi.common.Audited;
import com.homeworkapi.common.Codes;
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
public class AssignmentResource {

    @Inject
    AssignmentService assignments;

    @POST
    @Path("clients/{clientId}/assignments")
    public Response createAssignment(@PathParam("clientId") UUID clientId,
            @Valid @NotNull AssignmentRequest request) {
        var created = assignments.createAssignment(clientId, request);
        return created.created(UriBuilder.fromPath("/v1/assignments/{assignmentId}").build(created.body().id()));
    }

    @GET
    @Path("clients/{clientId}/assignments")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Page<AssignmentResponse> listAssignments(@PathParam("clientId") UUID clientId,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return assignments.listAssignments(clientId, Codes.parse(AssignmentStatus.class, "status", status),
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("assignments/{assignmentId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Response getAssignment(@PathParam("assignmentId") UUID assignmentId) {
        return assignments.getAssignment(assignmentId).ok();
    }

    @PUT
    @Path("assignments/{assignmentId}")
    public Response updateAssignment(@PathParam("assignmentId") UUID assignmentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull AssignmentRequest request) {
        return assignments.updateAssignment(assignmentId, ifMatch, request).ok();
    }

    @GET
    @Path("assignments/{assignmentId}/revisions")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Page<RevisionResponse> listRevisions(@PathParam("assignmentId") UUID assignmentId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return assignments.listRevisions(assignmentId, PageRequest.of(limit, cursor));
    }
}
