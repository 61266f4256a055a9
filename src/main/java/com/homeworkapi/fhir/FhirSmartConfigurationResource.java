package com.homeworkapi.fhir;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditedAs;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The SMART configuration, served without a token as the SMART App Launch IG asks. */
@Path(FhirMedia.BASE_PATH)
public class FhirSmartConfigurationResource {

    @Inject
    SmartConfig config;

    @GET
    @Path(".well-known/smart-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @AuditedAs(value = "fhir.smartConfiguration", resourceType = "SmartConfiguration")
    public SmartConfiguration getSmartConfiguration() {
        // Without the identity provider's token endpoint there is nothing a SMART client could use.
        return SmartConfiguration.of(config.tokenEndpoint().orElseThrow(ApiProblem::noResourceAtPath));
    }
}
