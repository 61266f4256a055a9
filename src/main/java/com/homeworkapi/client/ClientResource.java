package com.homeworkapi.client;

import com.homeworkapi.common.Audited;
import com.homeworkapi.common.Codes;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.UUID;

@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class ClientResource {

    @Inject
    ClientService clients;

    @POST
    @Path("clients")
    public Response createClient(@Valid @NotNull ClientRequest request) {
        var created = clients.createClient(request);
        return created.created(UriBuilder.fromPath("/v1/clients/{clientId}").build(created.body().id()));
    }

    @GET
    @Path("clients")
    public Page<ClientResponse> listClients(@QueryParam("status") String status,
            @QueryParam("identifier") String identifier, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return clients.listClients(Codes.parse(ClientStatus.class, "status", status), identifier,
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("clients/{clientId}")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Response getClient(@PathParam("clientId") UUID clientId) {
        return clients.getClient(clientId).ok();
    }

    @PUT
    @Path("clients/{clientId}")
    public Response updateClient(@PathParam("clientId") UUID clientId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ClientRequest request) {
        return clients.updateClient(clientId, ifMatch, request).ok();
    }
}
