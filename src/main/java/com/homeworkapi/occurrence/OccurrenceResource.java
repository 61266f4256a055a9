package com.homeworkapi.occurrence;

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

/** What a client's app syncs to set reminders ahead: visible to the clinic and to the client itself. */
@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class OccurrenceResource {

    @Inject
    OccurrenceService occurrences;

    @GET
    @Path("clients/{clientId}/occurrences")
    public OccurrenceResponse listOccurrences(@PathParam("clientId") UUID clientId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return occurrences.listOccurrences(clientId, from, to);
    }
}
