package com.homeworkapi.common;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A request target longer than MAX_URI_LENGTH is answered 414, header fields larger than
 * MAX_HEADER_SIZE 431, each with the problem that states the limit, up to the HTTP decoder's own
 * limits (64 KiB), and nothing is stored.
 */
@QuarkusTest
class RequestHeadLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/v1/clients")
    URI clients;

    @ConfigProperty(name = "homework.http.max-uri-length")
    int maxUriLength;

    @ConfigProperty(name = "homework.http.max-header-size")
    MemorySize maxHeaderSize;

    @Test
    void shouldAnswerATargetOverTheLimitWithTheProblemStatingItAndStoreNothing() throws Exception {
        TestClinic clinic = new TestClinic();
        Map<String, Object> expected = problem(ApiProblem.uriTooLong(maxUriLength));
        String query = "?padding=";

        HttpResponse<String> justOver = post(clinic, query + "x".repeat(maxUriLength - "/v1/clients".length()
                - query.length() + 1));
        HttpResponse<String> nearTheDecodersLimit = post(clinic, query + "x".repeat(60 * 1024));

        for (HttpResponse<String> refused : List.of(justOver, nearTheDecodersLimit)) {
            assertEquals(414, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(expected, JSON.readValue(refused.body(), new TypeReference<Map<String, Object>>() { }));
            assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElse(null));
        }
        HttpResponse<String> atTheLimit = post(clinic, query + "x".repeat(maxUriLength - "/v1/clients".length()
                - query.length()));
        // At the limit the request is served; the query parameter is not one the operation knows.
        assertEquals(201, atTheLimit.statusCode(), atTheLimit.body());
        clinic.clinician().get("/v1/clients").then().statusCode(200)
                .body(at("items", hasSize(1)));
    }

    @Test
    void shouldAnswerHeaderFieldsOverTheLimitUpToTheDecodersWithTheProblemStatingIt() throws Exception {
        TestClinic clinic = new TestClinic();
        Map<String, Object> expected = problem(ApiProblem.headersTooLarge(maxHeaderSize.asLongValue()));

        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(clients)
                .header("Authorization", "Bearer " + Tokens.staff(clinic.id, "clinician"))
                .header("Content-Type", "application/json").header("X-Padding", "x".repeat(60 * 1024))
                .POST(HttpRequest.BodyPublishers.ofString("{\"timeZone\":\"Europe/Berlin\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(431, refused.statusCode());
        assertEquals(expected, JSON.readValue(refused.body(), new TypeReference<Map<String, Object>>() { }));
        clinic.clinician().get("/v1/clients").then().statusCode(200)
                .body(at("items", hasSize(0)));
    }

    /** Past the decoder's limit Vert.x refuses the request itself, before the service runs (README). */
    @Test
    void shouldStillRefuseATargetPastTheDecodersLimit() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?padding="
                + "x".repeat(70 * 1024))).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(414, refused.statusCode());
    }

    private HttpResponse<String> post(TestClinic clinic, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(clients + query))
                .header("Authorization", "Bearer " + Tokens.staff(clinic.id, "clinician"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"timeZone\":\"Europe/Berlin\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> problem(ApiProblem problem) {
        return JSON.convertValue(problem.toProblem(), new TypeReference<Map<String, Object>>() { });
    }
}
