package com.homeworkapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot that the refusal tests compare sees every change to the clinic, and only to it. */
@QuarkusTest
class SeededClientTest {

    @Test
    void shouldSeeAChangeToAnyOfTheClinicsRowsAndNoneToAnotherClinics() {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();

        SeededClient.in(new TestClinic());
        assertEquals(before, seeded.state());

        seeded.clinic.logAttempt(seeded.assignmentId);
        SeededClient.State afterAttempt = seeded.state();
        assertNotEquals(before, afterAttempt);

        seeded.clinic.clinician().header("If-Match", seeded.currentETag(ApiOperation.UPDATE_CLIENT))
                .body(Map.of("timeZone", "Europe/Berlin", "displayName", "R.", "status", "active"))
                .put("/v1/clients/{clientId}", seeded.clientId).then().statusCode(200);
        assertNotEquals(afterAttempt, seeded.state());
    }
}
