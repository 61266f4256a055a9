package com.homeworkapi.fhir;

import com.homeworkapi.common.AuditedAs;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * What the FHIR face supports, for clients to discover before they authenticate (FHIR and SMART
 * serve it without a token). It holds no clinic's data.
 */
@Path(FhirMedia.BASE_PATH)
@Produces(FhirMedia.FHIR_JSON)
public class FhirMetadataResource {

    @GET
    @Path("metadata")
    @PermitAll
    @AuditedAs(value = "fhir.metadata", resourceType = "CapabilityStatement")
    public CapabilityStatement getFhirMetadata(@Context UriInfo uri) {
        SearchParameters.ofRead(uri);
        return Capabilities.statement(SearchBundles.base(uri));
    }
}
