package com.homeworkapi.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test shortcuts: an endpoint of a test clinic, made through the API as its admin. */
record Webhooks(UUID id, String secret) {

    static Webhooks create(TestClinic clinic, String url, String... eventTypes) {
        Response created = clinic.admin().body(Map.of("url", url, "eventTypes", List.of(eventTypes)))
                .post("/v1/webhooks");
        created.then().statusCode(201);
        JsonNode body = Json.of(created);
        return new Webhooks(UUID.fromString(body.path("id").asText()), body.path("secret").asText());
    }

    static JsonNode messages(TestClinic clinic, UUID webhookId) {
        return Json.of(clinic.admin().queryParam("limit", 200).get("/v1/webhooks/{id}/messages", webhookId)
                .then().statusCode(200).extract().response()).path("items");
    }

    static JsonNode attempts(TestClinic clinic, String messageId) {
        return Json.of(clinic.admin().queryParam("limit", 200).get("/v1/webhook-messages/{id}/attempts", messageId)
                .then().statusCode(200).extract().response()).path("items");
    }
}
