package com.homeworkapi.compliance;

import com.homeworkapi.common.Audited;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A client's own figures: visible to the clinic and to the client itself. */
@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class ComplianceResource {

    @Inject
    ComplianceService compliance;

    @GET
    @Path("clients/{clientId}/compliance")
    public ComplianceResponse getClientCompliance(@PathParam("clientId") UUID clientId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return compliance.clientCompliance(clientId, from, to);
    }

    @GET
    @Path("assignments/{assignmentId}/compliance")
    public ComplianceResponse getAssignmentCompliance(@PathParam("assignmentId") UUID assignmentId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return compliance.assignmentCompliance(assignmentId, from, to);
    }

    @GET
    @Path("clients/{clientId}/progress")
    public ProgressResponse getClientProgress(@PathParam("clientId") UUID clientId) {
        return compliance.progress(clientId);
    }
}
