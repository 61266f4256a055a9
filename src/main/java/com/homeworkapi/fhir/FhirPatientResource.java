package com.homeworkapi.fhir;

import com.homeworkapi.client.ClientResponse;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.Audited;
import com.homeworkapi.common.AuditedAs;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

/** Clients as FHIR Patients, read and searched through the same service as {@code /v1/clients}. */
@Audited
@Path(FhirMedia.BASE_PATH)
@Produces(FhirMedia.FHIR_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class FhirPatientResource {

    static final String IDENTIFIER = "identifier";
    static final Set<String> SEARCH_PARAMETERS = Set.of(IDENTIFIER);

    @Inject
    ClientService clients;

    @GET
    @Path("Patient/{clientId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    @AuditedAs(value = "fhir.Patient.read", resourceType = "Patient")
    public Response readPatient(@PathParam("clientId") UUID clientId, @Context UriInfo uri) {
        SearchParameters.ofRead(uri);
        Tagged<ClientResponse> client = clients.getClient(clientId);
        return FhirAnswers.read(Patients.from(client.body(), client.version()), client.version());
    }

    @GET
    @Path("Patient")
    @AuditedAs(value = "fhir.Patient.search", resourceType = "Patient")
    public Bundle searchPatient(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.ofSearch(uri, SEARCH_PARAMETERS);
        Page<ClientResponse> page = clients.listClients(null, search.single(IDENTIFIER).orElse(null), search.page());
        return SearchBundles.searchset(uri, page.items().stream().map(client -> Patients.from(client, null)).toList(),
                List.of(), page.nextCursor());
    }
}
