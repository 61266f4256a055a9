package com.homeworkapi;

import static com.homeworkapi.support.BadBody.with;
import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies an operation cannot read at all (broken JSON, an array, nothing, another media type,
 * too much): a 4xx problem+json at every operation that takes a body, and nothing stored.
 */
@QuarkusTest
class UnreadableBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/clients")
    URI clients;

    static Stream<ApiOperation> writeOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::hasBody);
    }

    // --- Bodies that are not the JSON an operation reads ---------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectMalformedJson(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded,
                "{\"title\": \"Walk past the dog\", ");

        assertInvalidField(response, "body");
        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnArrayWhereAnObjectIsExpected(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded,
                List.of(operation.validBody()));

        assertInvalidField(response, "body");
        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldRejectAnEmptyBody(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        Response response = operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded, "");

        assertProblem(response, 400);
        assertEquals(before, seeded.state());
    }

    // --- Media type and size -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldAnswer415ToABodyThatIsNotJson(ApiOperation operation) throws JsonProcessingException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        String json = JSON.writeValueAsString(operation.validBody());

        for (String contentType : List.of("text/plain", "application/xml")) {
            RequestSpecification request = seeded.clinic.sendingBadInputTo(operation).contentType(contentType);
            assertProblem(operation.sendWithBody(request, seeded, json), 415);
        }

        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeOperations")
    void shouldAnswer413ToABodyOverOneMebibyte(ApiOperation operation) throws JsonProcessingException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        String huge = JSON.writeValueAsString(with(operation.validBody(), "padding", "x".repeat(1024 * 1024)));

        assertProblem(operation.sendWithBody(seeded.clinic.sendingBadInputTo(operation), seeded, huge), 413);

        assertEquals(before, seeded.state());
    }

    @Test
    void shouldAnswer413ToAChunkedBodyOverOneMebibyte() throws IOException, InterruptedException {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        byte[] huge = JSON.writeValueAsBytes(Map.of("timeZone", "Europe/Berlin", "padding", "x".repeat(1024 * 1024)));

        // A body of unknown length goes out chunked, without a Content-Length to refuse it by.
        HttpRequest request = HttpRequest.newBuilder(clients)
                .header("Authorization", "Bearer " + Tokens.staff(seeded.clinic.id, "clinician"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        // The HTTP layer stops a chunked body at the limit and answers 413 itself, without a
        // problem body (README: known limits); a declared Content-Length gets problem+json.
        assertEquals(413, response.statusCode());
        assertEquals(before, seeded.state());
    }
}
