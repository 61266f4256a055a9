package com.homeworkapi.sync;

import com.homeworkapi.common.Audited;
import com.homeworkapi.limits.HeavyReadGate;
import com.homeworkapi.security.Roles;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class SyncResource {

    @Inject
    SyncService sync;

    @Inject
    HeavyReadGate heavyReads;

    /** Always 200 for a readable batch: each attempt has its own result (created, duplicate or rejected). */
    @POST
    @Path("sync/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    public SyncAttemptsResponse syncAttempts(@Valid @NotNull SyncAttemptsRequest request) {
        return sync.syncAttempts(request);
    }

    /** Without clientId, an integration's or admin's token reads the clinic-wide feed: a heavy read, like a report. */
    @GET
    @Path("sync/changes")
    public ChangesPage listChanges(@QueryParam("clientId") String clientId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context RoutingContext context) throws InterruptedException {
        if (sync.readsClinicWide(clientId)) {
            heavyReads.enter(context);
        }
        return sync.listChanges(clientId, cursor, limit);
    }
}
