package com.homeworkapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's way to get a development token must keep working. */
@QuarkusTest
class DevTokenScriptTest {

    @Test
    void shouldMintTokensTheServiceAcceptsForStaffAndClients() throws Exception {
        UUID clinic = UUID.randomUUID();
        String clinician = mint("--role", "clinician", "--clinic", clinic.toString());
        UUID clientId = UUID.fromString(Json.path(TestClinic.as(clinician).body(Map.of("timeZone", "Europe/Berlin"))
                .post("/v1/clients").then().statusCode(201).extract(), "id"));

        String client = mint("--role", "client", "--clinic", clinic.toString(), "--client", clientId.toString());
        TestClinic.as(client).get("/v1/clients/{id}", clientId).then().statusCode(200);
        TestClinic.as(client).get("/v1/clients").then().statusCode(403);
    }

    @Test
    void shouldMintExpiredTokensWhenAskedForANegativeLifetime() throws Exception {
        String expired = mint("--role", "clinician", "--ttl", "-120");
        TestClinic.as(expired).get("/v1/clients").then().statusCode(401);
    }

    @Test
    void shouldMintTokensForAnotherAudienceWhenAsked() throws Exception {
        String elsewhere = mint("--role", "clinician", "--aud", "https://other-api.example");
        TestClinic.as(elsewhere).get("/v1/clients").then().statusCode(401);
    }

    private static String mint(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "dev/mint-token.sh"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
