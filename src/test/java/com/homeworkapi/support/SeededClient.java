package com.homeworkapi.support;

import io.restassured.specification.RequestSpecification;
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

    private SeededClient(TestClinic clinic) {
        this.clinic = clinic;
        this.clientId = clinic.createClient();
        // What depends only on the client is created at once, then what depends on the assignment:
        // three round trips instead of six, in a fixture most tests build.
        CompletableFuture<UUID> goal = CompletableFuture.supplyAsync(() -> clinic.createGoal(clientId), SEEDING);
        CompletableFuture<UUID> measurement =
                CompletableFuture.supplyAsync(() -> clinic.recordMeasurement(clientId), SEEDING);
        this.assignmentId = clinic.createAssignment(clientId);
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
            default -> throw new IllegalArgumentException("No seeded object for {" + pathParameter + "}");
        };
    }

    /** The ETag of the object (or the clinic's settings) an update replaces, as its owner reads it now. */
    public String currentETag(ApiOperation update) {
        String parameter = update.pathParameter();
        RequestSpecification owner = clinic.clinician();
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
