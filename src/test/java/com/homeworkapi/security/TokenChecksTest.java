package com.homeworkapi.security;

import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of the token checks: what a valid token may still be. That every operation
 * refuses each fault is shown by AuthorizationMatrixTest's BadCredential.
 */
@QuarkusTest
class TokenChecksTest {

    @Test
    void shouldAcceptATokenMeantForThisServiceAmongOthers() {
        TestClinic clinic = new TestClinic();
        String token = Tokens.sign(Tokens.claims(clinic.id, "clinician", "staff-aud")
                .audience(new LinkedHashSet<>(List.of("https://other-api.example", Tokens.AUDIENCE))));

        TestClinic.as(token).get("/v1/clients").then().statusCode(200);
    }
}
