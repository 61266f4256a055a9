package com.homeworkapi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A body over the configured limit (MAX_BODY_SIZE) is answered 413 with the one problem that
 * states the limit, and nothing is stored.
 */
@QuarkusTest
class BodySizeLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/v1/clients")
    URI clients;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Test
    void shouldAnswerABodyDeclaredOverTheLimitWithTheProblemStatingTheLimit() throws Exception {
        TestClinic clinic = new TestClinic();
        byte[] client = clientOfSize(maxBodySize.asLongValue() + 1);
        Map<String, Object> expected = JSON.convertValue(
                ApiProblem.payloadTooLarge(maxBodySize.asLongValue()).toProblem(), new TypeReference<>() { });

        HttpResponse<byte[]> declared = post(clients, clinic, HttpRequest.BodyPublishers.ofByteArray(client));

        assertEquals(413, declared.statusCode());
        assertEquals(Problem.MEDIA_TYPE, declared.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(expected, JSON.readValue(declared.body(), new TypeReference<Map<String, Object>>() { }));
        assertEquals(0, clinic.clinician().get("/v1/clients").then().statusCode(200).extract()
                .jsonPath().getList("items").size());
    }

    /** A client whose display name pads the JSON to exactly this many bytes. */
    private static byte[] clientOfSize(long bytes) {
        String empty = "{\"timeZone\":\"Europe/Berlin\",\"displayName\":\"\"}";
        String name = "x".repeat(Math.toIntExact(bytes - empty.length()));
        return ("{\"timeZone\":\"Europe/Berlin\",\"displayName\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
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
