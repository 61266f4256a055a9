package com.homeworkapi;

import static com.homeworkapi.support.Json.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.homeworkapi.support.Contract;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the served contract: what operators and integrators rely on. It runs first
 * (StartFirstClassOrderer), so the application's start is booked to it.
 */
@QuarkusTest
class PlatformTest {

    @Test
    void shouldServeTheContractFromTheRepositoryRootUnchanged() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode served = yaml.readTree(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        JsonNode written = yaml.readTree(Contract.spec());
        assertEquals(written, served);
    }

    @Test
    void shouldReportLiveAndReadyWithTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body(at("status", equalTo("UP")));
        given().get("/q/health/ready").then().statusCode(200).body(at("status", equalTo("UP")))
                .body(at("checks.name", hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("database"))));
    }

    @Test
    void shouldExposeRequestMetricsInPrometheusFormat() {
        TestClinic clinic = new TestClinic();
        clinic.createClient();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("uri=\"/v1/clients\"")), "request counter for /v1/clients");
    }
}
