package com.homeworkapi.support;

import static com.homeworkapi.support.Problems.assertUnauthorized;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;

/**
 * A bearer token that is not a credential of this API, whatever makes it so. A signed one is of
 * a role the operation allows (an admin's where only admins may), so only its fault can refuse it.
 */
public interface RefusedCredential {

    /** The token to send to an operation of this staff role's, or null to send none. */
    String token(UUID clinicId, String role);

    default boolean appliesTo(ApiOperation operation) {
        return true;
    }

    default RequestSpecification request(UUID clinicId, ApiOperation operation) {
        RequestSpecification request = given().contentType(ContentType.JSON).filter(Contract.RESPONSES_ONLY);
        String bearer = token(clinicId, operation.audience.staffRole());
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    /** Every operation it applies to answers 401 with a Bearer challenge, and nothing changes. */
    static void assertRefusedAtEveryOperation(RefusedCredential credential) {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        SeededClient.State before = seeded.state();

        assertAll(Arrays.stream(ApiOperation.values())
                .filter(credential::appliesTo)
                .map(operation -> (Executable) () -> assertUnauthorized(operation,
                        operation.send(credential.request(clinic.id, operation), seeded))));

        assertEquals(before, seeded.state());
    }
}
