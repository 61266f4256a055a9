package com.homeworkapi.audit;

import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** The audit trail is the clinic admins' (its security officer's) to read; nobody's to change. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditEventResource {

    @Inject
    AuditEventService audit;

    @GET
    @Path("audit-events")
    public Page<AuditEventResponse> listAuditEvents(@QueryParam("clientId") String clientId,
            @QueryParam("actor") String actor, @QueryParam("operation") String operation,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        return audit.list(clientId, actor, operation, from, to, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("audit-events/verification")
    public VerificationResponse verifyAuditEvents() throws SQLException {
        return audit.verify();
    }
}
