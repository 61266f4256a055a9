package com.homeworkapi.clinic;

import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Staff read the settings their scores are made with; only an admin changes them. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class ClinicSettingsResource {

    @Inject
    ClinicSettingsService settings;

    @GET
    @Path("clinic/settings")
    public Response getClinicSettings() {
        return settings.getSettings().ok();
    }

    @PUT
    @Path("clinic/settings")
    @RolesAllowed(Roles.ADMIN)
    public Response updateClinicSettings(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ClinicSettingsRequest request) {
        return settings.updateSettings(ifMatch, request).ok();
    }
}
