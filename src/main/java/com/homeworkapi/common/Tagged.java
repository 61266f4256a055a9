package com.homeworkapi.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A single resource together with the version its ETag is made from. */
public record Tagged<T>(T body, long version) {

    public Response ok() {
        return Response.ok(body).tag(entityTag()).build();
    }

    public Response created(URI location) {
        return Response.created(location).entity(body).tag(entityTag()).build();
    }

    private EntityTag entityTag() {
        return EntityTag.valueOf(ETags.of(version));
    }
}
