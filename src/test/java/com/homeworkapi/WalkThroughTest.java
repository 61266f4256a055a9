package com.homeworkapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's walk-through runs as written, stops at the first failure, and ends in the client's compliance. */
@QuarkusTest
class WalkThroughTest {

    @TestHTTPResource("/")
    URL api;

    @Test
    void shouldRunTheWalkThroughToTheClientsCompliance() throws Exception {
        Run run = walkThrough(UUID.randomUUID().toString());

        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.output().lines().toList();
        JsonNode compliance = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals("2026-W10", compliance.path("weeks").path(0).path("week").asText(), run.output());
        assertEquals(1.0, compliance.path("weeks").path(0).path("compliance").asDouble());
        assertEquals("met", compliance.path("weeks").path(0).path("band").asText());
        assertEquals("low", compliance.path("weeks").path(1).path("band").asText());
    }

    @Test
    void shouldStopAtTheFirstFailureAndShowItsProblem() throws Exception {
        Run run = walkThrough("not-a-clinic");

        assertTrue(run.exitCode() != 0, run.output());
        assertTrue(run.output().contains("\"status\":401"), run.output());
        assertTrue(!run.output().contains("2. A treatment goal"), run.output());
    }

    private record Run(int exitCode, String output) {
    }

    private Run walkThrough(String clinic) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "dev/walk-through.sh",
                api.toString().replaceAll("/$", "")).redirectErrorStream(true);
        builder.environment().put("CLINIC", clinic);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
