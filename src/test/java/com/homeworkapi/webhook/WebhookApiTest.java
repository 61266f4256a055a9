package com.homeworkapi.webhook;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Managing endpoints: who may, what is checked, what is shown, and resends. */
@QuarkusTest
class WebhookApiTest {

    private static final String URL = "http://127.0.0.1:9/hooks";

    @Test
    void shouldShowTheSecretOnlyWhenItIsMadeAndKeepTheRestReadable() {
        TestClinic clinic = new TestClinic();
        Response created = clinic.integration().body(Map.of("url", URL, "eventTypes",
                List.of("client.status_changed", "attempt.created"), "description", "EHR alerts")).post("/v1/webhooks");
        created.then().statusCode(201);
        JsonNode body = Json.of(created);
        String secret = body.path("secret").asText();
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]+=*"), secret);
        assertTrue(Base64.getDecoder().decode(secret.substring(6)).length >= 24);
        assertEquals(true, body.path("enabled").asBoolean());

        JsonNode read = Json.of(clinic.admin().get(created.header("Location")).then().statusCode(200).extract()
                .response());
        assertFalse(read.has("secret"));
        assertEquals("client.status_changed", read.path("eventTypes").get(0).asText());
        assertEquals("attempt.created", read.path("eventTypes").get(1).asText());
        assertEquals("EHR alerts", read.path("description").asText());
        JsonNode listed = Json.of(clinic.admin().get("/v1/webhooks").then().statusCode(200).extract().response());
        assertEquals(1, listed.path("items").size());
        assertFalse(listed.path("items").get(0).has("secret"));
    }

    @Test
    void shouldReplaceAnEndpointOnlyWithTheCurrentETag() {
        TestClinic clinic = new TestClinic();
        Webhooks webhook = Webhooks.create(clinic, URL, "goal.created");
        String etag = clinic.admin().get("/v1/webhooks/{id}", webhook.id()).header("ETag");
        Map<String, Object> replacement = Map.of("url", URL, "eventTypes", List.of("goal.updated"), "enabled", false);

        assertProblem(clinic.admin().body(replacement).put("/v1/webhooks/{id}", webhook.id()), 428);
        Response updated = clinic.admin().header("If-Match", etag).body(replacement)
                .put("/v1/webhooks/{id}", webhook.id());
        updated.then().statusCode(200);
        assertEquals(false, Json.of(updated).path("enabled").asBoolean());
        assertProblem(clinic.admin().header("If-Match", etag).body(replacement).put("/v1/webhooks/{id}", webhook.id()),
                412);
    }

    @Test
    void shouldRefuseUnknownEventTypesAndServerOwnedFields() {
        TestClinic clinic = new TestClinic();
        assertInvalidField(clinic.sendingBadInput("admin").body(Map.of("url", URL, "eventTypes",
                List.of("goal.created", "goal.deleted"))).post("/v1/webhooks"), "eventTypes[1]");
        assertProblem(clinic.sendingBadInput("admin").body(Map.of("url", URL, "eventTypes", List.of("goal.created"),
                "secret", "whsec_AAAA")).post("/v1/webhooks"), 400);
    }

    @Test
    void shouldAnswer404ForAnotherClinicsEndpointOnEveryOperation() {
        TestClinic clinic = new TestClinic();
        TestClinic other = new TestClinic();
        Webhooks webhook = Webhooks.create(clinic, URL, "goal.created");
        UUID id = webhook.id();

        assertProblem(other.admin().get("/v1/webhooks/{id}", id), 404);
        assertProblem(other.admin().header("If-Match", "*").body(Map.of("url", URL, "eventTypes",
                List.of("goal.created"))).put("/v1/webhooks/{id}", id), 404);
        assertProblem(other.admin().post("/v1/webhooks/{id}/secret-rotations", id), 404);
        assertProblem(other.admin().get("/v1/webhooks/{id}/messages", id), 404);
        assertProblem(other.admin().body(Map.of("since", "2026-01-01T00:00:00Z"))
                .post("/v1/webhooks/{id}/resends", id), 404);
        assertProblem(other.admin().delete("/v1/webhooks/{id}", id), 404);
        assertEquals(0, Json.of(other.admin().get("/v1/webhooks").then().statusCode(200).extract().response())
                .path("items").size());

        clinic.createGoal(clinic.createClient());
        String messageId = Webhooks.messages(clinic, id).get(0).path("id").asText();
        assertProblem(other.admin().get("/v1/webhook-messages/{id}/attempts", messageId), 404);
        clinic.admin().get("/v1/webhooks/{id}", id).then().statusCode(200);
    }

    @Test
    void shouldForbidCliniciansAndClientTokens() {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        Webhooks webhook = Webhooks.create(clinic, URL, "goal.created");
        for (var caller : List.of(clinic.clinician(), clinic.client(clientId))) {
            assertProblem(caller.get("/v1/webhooks/{id}", webhook.id()), 403);
        }
        assertProblem(clinic.clinician().body(Map.of("url", URL, "eventTypes", List.of("goal.created")))
                .post("/v1/webhooks"), 403);
        assertProblem(clinic.client(clientId).get("/v1/webhooks"), 403);
    }

    @Test
    void shouldResendOneMessageOrEveryMessageSinceATime() {
        TestClinic clinic = new TestClinic();
        Webhooks webhook = Webhooks.create(clinic, URL, "goal.created");
        UUID clientId = clinic.createClient();
        clinic.createGoal(clientId);
        clinic.createGoal(clientId);
        String messageId = Webhooks.messages(clinic, webhook.id()).get(0).path("id").asText();

        assertEquals(1, Json.of(clinic.admin().body(Map.of("messageId", messageId))
                .post("/v1/webhooks/{id}/resends", webhook.id()).then().statusCode(200).extract().response())
                .path("resent").asInt());
        assertEquals(2, Json.of(clinic.admin().body(Map.of("since", "2000-01-01T00:00:00Z"))
                .post("/v1/webhooks/{id}/resends", webhook.id()).then().statusCode(200).extract().response())
                .path("resent").asInt());
        assertInvalidField(clinic.admin().body(Map.of()).post("/v1/webhooks/{id}/resends", webhook.id()), "body");
        assertProblem(clinic.admin().body(Map.of("messageId", UUID.randomUUID().toString()))
                .post("/v1/webhooks/{id}/resends", webhook.id()), 404);
    }

    @Test
    void shouldDeleteAnEndpointWithItsMessages() {
        TestClinic clinic = new TestClinic();
        Webhooks webhook = Webhooks.create(clinic, URL, "goal.created");
        clinic.createGoal(clinic.createClient());

        clinic.admin().delete("/v1/webhooks/{id}", webhook.id()).then().statusCode(204);

        assertProblem(clinic.admin().get("/v1/webhooks/{id}", webhook.id()), 404);
        assertProblem(clinic.admin().get("/v1/webhooks/{id}/messages", webhook.id()), 404);
    }
}
