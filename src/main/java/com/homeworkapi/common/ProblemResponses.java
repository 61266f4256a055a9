package com.homeworkapi.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place where a problem becomes an HTTP answer: its status, its headers and its
 * problem+json body, written by the application's ObjectMapper. The exception mappers and the
 * filters that answer before JAX-RS runs both come here, so every error reads alike.
 */
@Singleton
public class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The answer an exception mapper returns. */
    public Response toResponse(ApiProblem problem) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body(problem));
        headers(problem).forEach(response::header);
        return response.build();
    }

    /** The same answer, written straight to Vert.x by a route filter that runs before JAX-RS. */
    public void send(ApiProblem problem, HttpServerResponse response) {
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers(problem).forEach(response::putHeader);
        response.end(Buffer.buffer(body(problem)));
    }

    /**
     * Turns an answer a response filter holds into this problem: nothing of the answer it
     * replaces (body, ETag, Location, attachment name) goes out.
     */
    public void replace(ApiProblem problem, ContainerResponseContext response) {
        response.setStatus(problem.status());
        response.getHeaders().remove(HttpHeaders.ETAG);
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.CONTENT_DISPOSITION);
        headers(problem).forEach(response.getHeaders()::putSingle);
        response.setEntity(body(problem), new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private static Map<String, String> headers(ApiProblem problem) {
        Map<String, String> implied = switch (problem.status()) {
            // RFC 9110: a 401 names the scheme that would work.
            case 401 -> Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            // The rest of the body is left unread, so the connection cannot carry another request.
            case 413 -> Map.of("Connection", "close");
            // Whatever was unavailable (the audit trail's storage, say) is expected back shortly.
            case 503 -> Map.of(HttpHeaders.RETRY_AFTER, "1");
            default -> Map.of();
        };
        if (problem.headers().isEmpty()) {
            return implied;
        }
        Map<String, String> all = new HashMap<>(implied);
        all.putAll(problem.headers());
        return all;
    }

    private byte[] body(ApiProblem problem) {
        try {
            return json.writeValueAsBytes(problem.toProblem());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A problem could not be written as JSON", impossible);
        }
    }
}
