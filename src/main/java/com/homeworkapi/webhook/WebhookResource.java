package com.homeworkapi.webhook;

import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * The clinic's webhook endpoints, for its admins and integrations. Not audited: endpoints,
 * messages and attempts hold no client's record (payloads carry ids only), like the clinic
 * settings.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @POST
    @Path("webhooks")
    public Response createWebhook(@Valid @NotNull WebhookRequest request) {
        var created = webhooks.createWebhook(request);
        return created.created(UriBuilder.fromPath("/v1/webhooks/{webhookId}").build(created.body().id()));
    }

    @GET
    @Path("webhooks")
    public Page<WebhookResponse> listWebhooks(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return webhooks.listWebhooks(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("webhooks/{webhookId}")
    public Response getWebhook(@PathParam("webhookId") UUID webhookId) {
        return webhooks.getWebhook(webhookId).ok();
    }

    @PUT
    @Path("webhooks/{webhookId}")
    public Response updateWebhook(@PathParam("webhookId") UUID webhookId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull WebhookRequest request) {
        return webhooks.updateWebhook(webhookId, ifMatch, request).ok();
    }

    @DELETE
    @Path("webhooks/{webhookId}")
    public Response deleteWebhook(@PathParam("webhookId") UUID webhookId) {
        webhooks.deleteWebhook(webhookId);
        return Response.noContent().build();
    }

    @POST
    @Path("webhooks/{webhookId}/secret-rotations")
    public Response rotateWebhookSecret(@PathParam("webhookId") UUID webhookId, WebhookRotationRequest none) {
        return webhooks.rotateWebhookSecret(webhookId).ok();
    }

    @GET
    @Path("webhooks/{webhookId}/messages")
    public Page<WebhookMessageResponse> listWebhookMessages(@PathParam("webhookId") UUID webhookId,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return webhooks.listWebhookMessages(webhookId, status, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("webhooks/{webhookId}/resends")
    public WebhookResendResponse resendWebhookMessages(@PathParam("webhookId") UUID webhookId,
            @Valid @NotNull WebhookResendRequest request) {
        return webhooks.resendWebhookMessages(webhookId, request);
    }

    @GET
    @Path("webhook-messages/{messageId}/attempts")
    public Page<WebhookAttemptResponse> listWebhookAttempts(@PathParam("messageId") UUID messageId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return webhooks.listWebhookAttempts(messageId, PageRequest.of(limit, cursor));
    }
}
