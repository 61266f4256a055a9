package com.homeworkapi.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.observability.DomainMetrics;
import com.homeworkapi.security.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The {@code Idempotency-Key} header (IETF httpapi draft) for every POST, in one place rather
 * than in each resource. Runs after the endpoint was matched and the caller authenticated and
 * authorized, so a key is scoped to the caller's clinic, token subject and authority (roles and,
 * for a client token, its client), and a request the caller may not make never claims one. A
 * stored answer thus only goes to a token allowed exactly what the token that made it was:
 * scoping was chosen over checking visibility at replay time, which would have to know, for
 * every operation, what each stored body reveals.
 *
 * <p>A POST without the header costs nothing here. With it: one INSERT claims the key before
 * the request runs, one UPDATE stores the response after it. A retry with the same key and the
 * same request gets the stored status, body, Content-Type, Location and ETag back, marked
 * {@code Idempotent-Replayed: true}; the same key with another request is 422; the same key
 * while the first request still runs is 409.
 *
 * <p>Which answers are kept: 2xx, and 4xx other than 409, are stored and replayed (the draft
 * allows it; they describe the request itself). 5xx and 409 are not: they mean "try again",
 * and as such a request changed nothing, running it again is safe.
 */
public class IdempotencyFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String CLAIM_PROPERTY = IdempotencyFilter.class.getName() + ".claim";

    @Inject
    IdempotencyKeys keys;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper json;

    @Inject
    DomainMetrics metrics;

    /** Answers a replay itself; null lets the request run. */
    @ServerRequestFilter
    public Response claimKey(ContainerRequestContext request) throws IOException {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return null;
        }
        List<String> sent = request.getHeaders().get(KEY_HEADER);
        if (sent == null) {
            return null;
        }
        String key = validKey(sent);
        IdempotencyRecord.Key scope = new IdempotencyRecord.Key(caller.clinicId(), subject(),
                caller.authority(), key);
        // The body is already buffered; read it for the fingerprint and hand the same bytes on.
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        Fingerprint fingerprint = Fingerprint.of(request.getMethod(), pathAndQuery(request.getUriInfo()
                .getRequestUri()), body);

        IdempotencyKeys.Outcome outcome = keys.claim(scope, fingerprint);
        if (outcome instanceof IdempotencyKeys.Claimed claimed) {
            request.setProperty(CLAIM_PROPERTY, claimed.claim());
            return null;
        }
        if (outcome instanceof IdempotencyKeys.Replay replay) {
            metrics.idempotentReplay();
            return replayOf(replay.response());
        }
        if (outcome instanceof IdempotencyKeys.Mismatch) {
            throw ApiProblem.unprocessable("This Idempotency-Key was used for another request (another body, path"
                    + " or method); send a new key for a new request.");
        }
        throw ApiProblem.conflict("A request with this Idempotency-Key is still being processed; retry it"
                + " once it has been answered.");
    }

    @ServerResponseFilter
    public void storeResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM_PROPERTY) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM_PROPERTY);
        int status = response.getStatus();
        try {
            if (status >= 500 || status == 409) {
                keys.release(claim);
                return;
            }
            byte[] body = bodyOf(response);
            String contentType = body == null ? null : contentTypeOf(response);
            keys.complete(claim, new StoredResponse(status, body, contentType,
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG)));
        } catch (RuntimeException | JsonProcessingException failed) {
            // The request's own work is done and committed: answer it. A retry meets the key in
            // progress (409) until the lease ends, then runs again.
            LOG.errorf("Storing the response for an idempotency key failed: %s", failed.getClass().getName());
        }
    }

    /** Printable ASCII, 1 to 255 characters, sent once; opaque otherwise (quotes are part of it). */
    private static String validKey(List<String> sent) {
        if (sent.size() != 1) {
            throw ApiProblem.invalid(KEY_HEADER, "must be sent once");
        }
        String key = sent.get(0);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ApiProblem.invalid(KEY_HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters long");
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ApiProblem.invalid(KEY_HEADER, "must contain only printable ASCII characters");
        }
        return key;
    }

    /** The token's subject; the principal name for a token that names its caller otherwise. */
    private String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    private static String pathAndQuery(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /**
     * The body as bytes. Serialised here, with the application's own mapper, and the response
     * then carries these very bytes, so the first answer and every replay are identical.
     */
    private byte[] bodyOf(ContainerResponseContext response) throws JsonProcessingException {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        byte[] body = entity instanceof byte[] bytes ? bytes
                : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(entity);
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        return body;
    }

    /**
     * The Content-Type as sent, set here explicitly so that a replay repeats it: JSON the
     * endpoint produces is UTF-8, which the framework would add on its own for the first answer.
     */
    private static String contentTypeOf(ContainerResponseContext response) {
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getParameters().containsKey("charset")) {
            type = type.withCharset(StandardCharsets.UTF_8.name());
        }
        String contentType = type.toString();
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, contentType);
        return contentType;
    }

    private static Response replayOf(StoredResponse stored) {
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            replay.entity(stored.body()).type(stored.contentType());
        }
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            replay.header(HttpHeaders.ETAG, stored.etag());
        }
        return replay.build();
    }
}
