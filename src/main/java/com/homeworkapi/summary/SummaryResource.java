package com.homeworkapi.summary;

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
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** One printable page about a client before a session: the same roles and tenancy as its compliance. */
@Audited
@Path("/v1")
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class SummaryResource {

    /** The page holds no script and loads nothing: only its own inline styles may apply. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    @Inject
    SummaryService summaries;

    @GET
    @Path("clients/{clientId}/summary")
    @Produces(MediaType.TEXT_HTML)
    public Response getClientSummary(@PathParam("clientId") UUID clientId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return Response.ok(summaries.page(clientId, from, to), MediaType.TEXT_HTML + "; charset=UTF-8")
                .header("Content-Security-Policy", PAGE_POLICY)
                .build();
    }
}
