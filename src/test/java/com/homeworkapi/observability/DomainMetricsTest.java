package com.homeworkapi.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The domain's series exist from the start at zero, and move when the thing they count happens. */
@QuarkusTest
class DomainMetricsTest {

    @Inject
    MeterRegistry registry;

    @Test
    void shouldRegisterEverySeriesAtZeroOnStart() {
        SimpleMeterRegistry fresh = new SimpleMeterRegistry();
        new DomainMetrics(fresh);

        for (String source : List.of("single", "batch")) {
            assertEquals(0, fresh.get("homework.attempts.stored").tag("source", source).counter().count(), source);
        }
        for (String result : List.of("created", "duplicate", "rejected")) {
            assertEquals(0, fresh.get("homework.sync.items").tag("result", result).counter().count(), result);
        }
        assertEquals(0, fresh.get("homework.idempotent.replays").counter().count());
        assertEquals(0, fresh.get("homework.scores.stale").gauge().value());
        assertEquals(0, fresh.get("homework.scores.refresh").timer().count());
        assertEquals(0, fresh.get("homework.scores.refresh.failures").counter().count());
    }

    @Test
    void shouldCountAStoredAttemptButNotItsRetry() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        double before = count(registry.get("homework.attempts.stored").tag("source", "single"));
        Map<String, Object> attempt = Map.of("id", UUID.randomUUID().toString(),
                "occurredAt", "2026-01-08T07:15:00+01:00", "outcome", "completed");

        for (int times = 0; times < 2; times++) {
            clinic.clinician().body(attempt).post("/v1/assignments/{id}/attempts", seeded.assignmentId)
                    .then().statusCode(times == 0 ? 201 : 200);
        }

        assertEquals(before + 1, count(registry.get("homework.attempts.stored").tag("source", "single")));
    }

    @Test
    void shouldCountSyncedItemsByResultAndTheAttemptsTheyStored() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        String stored = UUID.randomUUID().toString();
        Map<String, Object> first = item(stored, seeded.assignmentId);
        clinic.clinician().body(Map.of("attempts", List.of(first))).post("/v1/sync/attempts").then().statusCode(200);
        double batch = count(registry.get("homework.attempts.stored").tag("source", "batch"));
        Map<String, Double> before = syncItems();

        Map<String, Object> fresh = item(UUID.randomUUID().toString(), seeded.assignmentId);
        Map<String, Object> unknownAssignment = item(UUID.randomUUID().toString(), UUID.randomUUID());
        clinic.clinician().body(Map.of("attempts", List.of(first, fresh, unknownAssignment)))
                .post("/v1/sync/attempts").then().statusCode(200);

        Map<String, Double> after = syncItems();
        assertEquals(before.get("created") + 1, after.get("created"));
        assertEquals(before.get("duplicate") + 1, after.get("duplicate"));
        assertEquals(before.get("rejected") + 1, after.get("rejected"));
        assertEquals(batch + 1, count(registry.get("homework.attempts.stored").tag("source", "batch")));
    }

    @Test
    void shouldCountIdempotentReplays() {
        TestClinic clinic = new TestClinic();
        double before = count(registry.get("homework.idempotent.replays"));
        String key = UUID.randomUUID().toString();

        for (int times = 0; times < 2; times++) {
            clinic.clinician().header("Idempotency-Key", key).body(ApiOperation.CREATE_CLIENT.validBody())
                    .post("/v1/clients").then().statusCode(201);
        }

        assertEquals(before + 1, count(registry.get("homework.idempotent.replays")));
    }

    private Map<String, Double> syncItems() {
        return Map.of("created", count(registry.get("homework.sync.items").tag("result", "created")),
                "duplicate", count(registry.get("homework.sync.items").tag("result", "duplicate")),
                "rejected", count(registry.get("homework.sync.items").tag("result", "rejected")));
    }

    private static double count(RequiredSearch search) {
        return search.counter().count();
    }

    private static Map<String, Object> item(String id, UUID assignmentId) {
        return Map.of("id", id, "assignmentId", assignmentId.toString(), "occurredAt", "2026-01-08T07:15:00+01:00",
                "outcome", "completed");
    }
}
