package com.homeworkapi.review;

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

/** Staff write reviews of a week's homework; a client may read the reviews of its own. */
@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class ReviewResource {

    @Inject
    ReviewService reviews;

    /** 201 without Location: a review is read back through the client's list, it has no path of its own. */
    @POST
    @Path("clients/{clientId}/reviews")
    public Response createReview(@PathParam("clientId") UUID clientId, @Valid @NotNull ReviewRequest request) {
        return Response.status(Response.Status.CREATED).entity(reviews.createReview(clientId, request)).build();
    }

    @GET
    @Path("clients/{clientId}/reviews")
    @RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
    public Page<ReviewResponse> listReviews(@PathParam("clientId") UUID clientId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return reviews.listReviews(clientId, PageRequest.of(limit, cursor));
    }
}
