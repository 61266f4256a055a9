package com.homeworkapi;

import static com.homeworkapi.support.Json.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health, metrics and the served contract: what operators and integrators rely on. Health and
 * metrics are on the management port only; the contract is on the public port. It runs first
 * (StartFirstClassOrderer), so the application's start is booked to it.
 */
@QuarkusTest
class PlatformTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL publicPort;

    @Test
    void shouldServeTheContractFromTheRepositoryRootUnchanged() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode served = yaml.readTree(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        JsonNode written = yaml.readTree(Contract.spec());
        assertEquals(written, served);
    }

    @Test
    void shouldReportLiveAndReadyWithTheDatabaseOnTheManagementPort() {
        assertNotEquals(publicPort.getPort(), management.getPort(), "management has a port of its own");
        given().baseUri(managementBase()).get("/q/health/live").then().statusCode(200).body(at("status", equalTo("UP")));
        given().baseUri(managementBase()).get("/q/health/ready").then().statusCode(200).body(at("status", equalTo("UP")))
                .body(at("checks.name", hasItem(containsStringIgnoringCase("database"))));
    }

    @Test
    void shouldExposeRequestMetricsInPrometheusFormatOnTheManagementPort() {
        TestClinic clinic = new TestClinic();
        clinic.createClient();
        String metrics = given().baseUri(managementBase()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("uri=\"/v1/clients\"")), "request counter for /v1/clients");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready"})
    void shouldNotAnswerHealthOrMetricsOnThePublicPort(String path) {
        Problems.assertProblem(given().get(path), 404);
    }

    private String managementBase() {
        return "http://" + management.getHost() + ":" + management.getPort();
    }
}
