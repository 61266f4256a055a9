package com.homeworkapi.measurement;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Staff record symptom scores; a client may read its own. */
@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class MeasurementResource {

    @Inject
    MeasurementService measurements;

    /** 201 without Location: a measurement is read back through the client's list, it has no path of its own. */
    @POST
    @Path("clients/{clientId}/measurements")
    public Response recordMeasurement(@PathParam("clientId") UUID clientId,
            @Valid @NotNull MeasurementRequest request) {
        return Response.status(Response.Status.CREATED).entity(measurements.recordMeasurement(clientId, request))
                .build();
    }

    @GET
    @Path("clients/{clientId}/measurements")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Page<MeasurementResponse> listMeasurements(@PathParam("clientId") UUID clientId,
            @QueryParam("instrument") String instrument, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return measurements.listMeasurements(clientId, instrument, PageRequest.of(limit, cursor));
    }
}
