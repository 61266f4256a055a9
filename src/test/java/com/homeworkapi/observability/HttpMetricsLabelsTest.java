package com.homeworkapi.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.client.ClientResource;
import com.homeworkapi.report.ReportResource;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HTTP metrics name a request by its route template, never by its raw path: neither ids
 * nor unknown paths become labels, whichever layer answered.
 */
@QuarkusTest
class HttpMetricsLabelsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL api;

    @Test
    void shouldNeverLabelAnUnknownOrOverLongPath() throws Exception {
        String unknown = "/v1/" + UUID.randomUUID();
        String overLong = "/v1/clients/" + "x".repeat(5000) + UUID.randomUUID();
        Problems.assertProblem(given().get(unknown), 404);
        Problems.assertProblem(given().get(unknown + "/deeper"), 404);
        int overLongStatus = send(HttpRequest.newBuilder(uri(overLong)).GET()).statusCode();
        assertEquals(414, overLongStatus);

        String scraped = scrape();
        assertFalse(scraped.contains(unknown.substring(4)), "an unknown path is a label");
        assertFalse(scraped.contains("xxxxxxxx"), "an over-long path is a label");
    }

    @Test
    void shouldLabelARefusalBeforeRoutingWithTheRouteTemplate() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();

        HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(uri("/v1/clients/" + clientId + "/goals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])));
        assertEquals(413, tooLarge.statusCode());
        Problems.assertProblem(given().header("X-Padding", "x".repeat(21 * 1024))
                .get("/v1/clients/{clientId}/goals", clientId), 431);
        Problems.assertProblem(given().delete("/v1/clients/{clientId}", clientId), 405);

        String scraped = scrape();
        assertFalse(scraped.contains(clientId.toString()), "a client id is a label");
        assertTrue(requestSeries(scraped, "413", "/v1/clients/{clientId}/goals").isPresent(), "413 by template");
        assertTrue(requestSeries(scraped, "431", "/v1/clients/{clientId}/goals").isPresent(), "431 by template");
        assertTrue(requestSeries(scraped, "405", "/v1/clients/{clientId}").isPresent(), "405 by template");
    }

    @Test
    void shouldMapRawPathsToTheirTemplateOrToUnknown() {
        RouteTemplates templates = RouteTemplates.of(List.of(ReportResource.class, ClientResource.class));

        assertEquals("/v1/reports/at-risk", HttpMetricsLabels.label(templates, "/v1/reports/at-risk"));
        assertEquals("/v1/clients/{clientId}", HttpMetricsLabels.label(templates, "/v1/clients/" + UUID.randomUUID()));
        assertEquals("/v1/clients", HttpMetricsLabels.label(templates, "/v1/clients/"));
        assertEquals(HttpMetricsLabels.UNKNOWN, HttpMetricsLabels.label(templates, "/v1/clients/a/b/c"));
        assertEquals(HttpMetricsLabels.UNKNOWN, HttpMetricsLabels.label(templates, "/v1/clients//"), "a parameter is never empty");
        assertEquals(HttpMetricsLabels.UNKNOWN, HttpMetricsLabels.label(templates, "/v1/client"));
        assertEquals("NOT_FOUND", HttpMetricsLabels.label(templates, "NOT_FOUND"));
    }

    private Optional<String> requestSeries(String scraped, String status, String uri) {
        return scraped.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("status=\"" + status + "\"") && line.contains("uri=\"" + uri + "\"")).findFirst();
    }

    private String scrape() {
        return given().baseUri("http://" + management.getHost() + ":" + management.getPort()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    private URI uri(String path) {
        return URI.create("http://" + api.getHost() + ":" + api.getPort() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
