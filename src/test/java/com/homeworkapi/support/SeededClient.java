package com.homeworkapi.support;

import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A client of a test clinic with one goal, one assignment, one logged attempt, one measurement
 * and one review, and a snapshot of all of it and of the clinic's settings as the clinic's
 * clinician sees them, to show that a refused request changed nothing.
 */
public final class SeededClient {

    private static final Executor SEEDING = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "seeding");
        thread.setDaemon(true);
        return thread;
    });

    public final TestClinic clinic;
    public final UUID clientId;
    public final UUID goalId;
    public final UUID assignmentId;
    public final UUID attemptId;
    public final UUID measurementId;
    public final UUID reviewId;
    /** An endpoint of the clinic subscribed to attempt.created, made before the attempt, so it has one message. */
    public final UUID webhookId;

    /** Where the seeded endpoint points: the discard port on loopback, which the test profile allows. */
    public static final String WEBHOOK_URL = "http://127.0.0.1:9/hooks";

    private SeededClient(TestClinic clinic) {
        this.clinic = clinic;
        this.clientId = clinic.createClient();
        // What depends only on the client is created at once, then what depends on the assignment:
        // three round trips instead of six, in a fixture most tests build.
        CompletableFuture<UUID> goal = CompletableFuture.supplyAsync(() -> clinic.createGoal(clientId), SEEDING);
        CompletableFuture<UUID> measurement =
                CompletableFuture.supplyAsync(() -> clinic.recordMeasurement(clientId), SEEDING);
        CompletableFuture<UUID> webhook = CompletableFuture.supplyAsync(
                () -> clinic.createWebhook(WEBHOOK_URL, List.of("attempt.created")), SEEDING);
        this.assignmentId = clinic.createAssignment(clientId);
        this.webhookId = webhook.join();
        CompletableFuture<UUID> attempt = CompletableFuture.supplyAsync(() -> clinic.logAttempt(assignmentId), SEEDING);
        this.reviewId = clinic.createReview(clientId, assignmentId);
        this.goalId = goal.join();
        this.measurementId = measurement.join();
        this.attemptId = attempt.join();
    }

    public static SeededClient in(TestClinic clinic) {
        return new SeededClient(clinic);
    }

    /** The id a path parameter of this name stands for. */
    public UUID id(String pathParameter) {
        return switch (pathParameter) {
            case "clientId" -> clientId;
            case "goalId" -> goalId;
            case "assignmentId" -> assignmentId;
            case "attemptId" -> attemptId;
            case "webhookId" -> webhookId;
            case "messageId" -> messageId();
            default -> throw new IllegalArgumentException("No seeded object for {" + pathParameter + "}");
        };
    }

    /** The seeded endpoint's one message, the attempt's, read behind the API. */
    private UUID messageId() {
        try (Connection connection = ClinicDatabase.connection(clinic.id);
                PreparedStatement query = connection.prepareStatement(
                        "select id from webhook_message where clinic_id = ? and endpoint_id = ?")) {
            query.setObject(1, clinic.id);
            query.setObject(2, webhookId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                UUID id = row.getObject(1, UUID.class);
                connection.rollback();
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ETag of the object (or the clinic's settings) an update replaces, as its owner reads it now. */
    public String currentETag(ApiOperation update) {
        String parameter = update.pathParameter();
        RequestSpecification owner = clinic.staff(update.audience.staffRole());
        if (parameter != null) {
            owner.pathParam(parameter, id(parameter));
        }
        return owner.get(update.path).then().statusCode(200).extract().header("ETag");
    }

    /**
     * Every row the clinic has in the database, table by table: a refused request must leave all
     * of them as they were, whichever table it could have touched.
     */
    public State state() {
        return new State(ClinicRows.of(clinic.id));
    }

    public record State(Map<String, List<String>> rowsByTable) {
    }
}
