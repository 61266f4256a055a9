package com.homeworkapi.common;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A body over the configured limit (MAX_BODY_SIZE) is answered 413 with the one problem that
 * states the limit, whether it declares its length or comes chunked, and nothing is stored.
 */
@QuarkusTest
class BodySizeLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/v1/clients")
    URI clients;

    @TestHTTPResource("/v1/sync/attempts")
    URI syncAttempts;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Test
    void shouldAnswerABodyOverTheLimitWithTheProblemStatingTheLimitHoweverItIsSent() throws Exception {
        TestClinic clinic = new TestClinic();
        byte[] client = clientOfSize(maxBodySize.asLongValue() + 1);
        Map<String, Object> expected = JSON.convertValue(
                ApiProblem.payloadTooLarge(maxBodySize.asLongValue()).toProblem(), new TypeReference<>() { });

        HttpResponse<byte[]> declared = post(clients, clinic, HttpRequest.BodyPublishers.ofByteArray(client));
        HttpResponse<byte[]> chunked = post(clients, clinic, chunked(client));
        // The key's filter reads the body before JAX-RS does: the limit must stop it there too.
        HttpResponse<byte[]> chunkedWithKey = post(clients, clinic, chunked(client),
                "Idempotency-Key", UUID.randomUUID().toString());

        assertAll(Stream.of(declared, chunked, chunkedWithKey).map(response -> (Executable) () -> {
            assertEquals(413, response.statusCode());
            assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(expected, JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
        }));
        // One place writes them all: the same bytes, before JAX-RS or within it.
        assertArrayEquals(declared.body(), chunked.body());
        assertEquals(0, clinic.clinician().get("/v1/clients").then().statusCode(200).extract()
                .jsonPath().getList("items").size());
    }

    /** Counting a chunked body must not change reading one within the limit, past the first buffer. */
    @Test
    void shouldReadAChunkedBodyWithinTheLimitAsAnyOther() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID assignmentId = clinic.createAssignment(clinic.createClient());
        List<Map<String, Object>> attempts = IntStream.range(0, 300)
                .mapToObj(index -> ApiOperation.syncBody(assignmentId).get("attempts"))
                .map(batch -> ((List<?>) batch).get(0))
                .map(attempt -> JSON.convertValue(attempt, new TypeReference<Map<String, Object>>() { }))
                .toList();
        byte[] batch = JSON.writeValueAsBytes(Map.of("attempts", attempts));

        HttpResponse<byte[]> synced = post(syncAttempts, clinic, chunked(batch));
        HttpResponse<byte[]> created = post(clients, clinic,
                chunked("{\"timeZone\":\"Europe/Berlin\"}".getBytes(StandardCharsets.UTF_8)),
                "Idempotency-Key", UUID.randomUUID().toString());

        assertEquals(200, synced.statusCode());
        List<Map<String, Object>> results = JSON.convertValue(JSON.readTree(synced.body()).get("results"),
                new TypeReference<>() { });
        assertEquals(300, results.stream().filter(result -> "created".equals(result.get("status"))).count());
        assertEquals(201, created.statusCode());
    }

    /** A client whose display name pads the JSON to exactly this many bytes. */
    private static byte[] clientOfSize(long bytes) {
        String empty = "{\"timeZone\":\"Europe/Berlin\",\"displayName\":\"\"}";
        String name = "x".repeat(Math.toIntExact(bytes - empty.length()));
        return ("{\"timeZone\":\"Europe/Berlin\",\"displayName\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A body of unknown length goes out chunked, without a Content-Length. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static HttpResponse<byte[]> post(URI uri, TestClinic clinic, HttpRequest.BodyPublisher body,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + Tokens.staff(clinic.id, "clinician"))
                .header("Content-Type", "application/json")
                .POST(body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
