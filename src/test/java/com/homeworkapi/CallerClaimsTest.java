package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.RefusedCredential;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A token signed by the issuer for this API and alive now is still no credential unless its
 * claims name one caller: a clinic, and either staff roles or one client. It answers 401 at
 * every operation, before anything is read or changed.
 */
@QuarkusTest
class CallerClaimsTest {

    enum ClaimsNamingNoCaller implements RefusedCredential {
        NO_CLINIC_ID((clinic, role) -> Tokens.sign(Tokens.claims(null, role, "staff-x"))),
        CLINIC_ID_NOT_A_UUID((clinic, role) -> Tokens.sign(Tokens.claims(null, role, "staff-x")
                .claim("clinic_id", "clinic-42"))),
        /** Client and staff at once: scoped to one client or to the whole clinic? Neither. */
        CLIENT_AND_STAFF_ROLES((clinic, role) -> Tokens.sign(Tokens.claims(clinic, role, "client-x")
                .groups(Set.of("client", role)).claim("client_id", UUID.randomUUID().toString()))),
        CLIENT_WITHOUT_CLIENT_ID((clinic, role) -> Tokens.sign(Tokens.claims(clinic, "client", "client-x")));

        private final BiFunction<UUID, String, String> token;

        ClaimsNamingNoCaller(BiFunction<UUID, String, String> token) {
            this.token = token;
        }

        @Override
        public String token(UUID clinicId, String role) {
            return token.apply(clinicId, role);
        }

        /** A client token without client_id is a client's token; it matters where clients may call. */
        @Override
        public boolean appliesTo(ApiOperation operation) {
            return this != CLIENT_WITHOUT_CLIENT_ID || operation.clientVisible();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ClaimsNamingNoCaller.class)
    void shouldAnswer401WithABearerChallengeToEveryOperation(ClaimsNamingNoCaller claims) {
        RefusedCredential.assertRefusedAtEveryOperation(claims);
    }

    @Test
    void shouldAnswer401ToAClientTokenWithoutClientIdWhetherOrNotTheObjectExists() {
        TestClinic clinic = new TestClinic();
        SeededClient seeded = SeededClient.in(clinic);
        RefusedCredential credential = ClaimsNamingNoCaller.CLIENT_WITHOUT_CLIENT_ID;

        assertAll(Arrays.stream(ApiOperation.values()).filter(ApiOperation::clientVisible)
                .map(operation -> (Executable) () -> assertUnauthorized(operation,
                        operation.send(credential.request(clinic.id, operation), seeded,
                                UUID.randomUUID().toString()))));
    }
}
