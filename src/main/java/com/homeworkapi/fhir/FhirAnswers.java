package com.homeworkapi.fhir;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.Resource;

/** Answers of single resources, versioned as FHIR asks: {@code ETag: W/"3"} beside {@code meta.versionId}. */
final class FhirAnswers {

    private FhirAnswers() {
    }

    static Response read(Resource resource, long version) {
        return Response.ok(resource).tag(new EntityTag(Long.toString(version), true)).build();
    }
}
