package com.homeworkapi.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.vertx.core.MultiMap;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Answers hold health data: no cache keeps them and no browser sniffs their type, on every
 * operation and on the answers that refuse a request. HSTS only behind TLS; CORS only for the
 * listed dashboards (the test profile lists https://dashboard.clinic.test).
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final String LISTED_ORIGIN = "https://dashboard.clinic.test";

    @Test
    void shouldForbidCachingAndSniffingOnEveryOperation() {
        TestClinic clinic = new TestClinic();
        SeededClient target = SeededClient.in(clinic);
        // Updates last, and the client's own (it discharges the client) last of all, so that no
        // update changes what another operation reads or writes; deletions after everything.
        List<ApiOperation> operations = Arrays.stream(ApiOperation.values())
                .sorted(Comparator.comparing((ApiOperation operation) -> operation.method == Method.DELETE)
                        .thenComparing(operation -> operation.isUpdate())
                        .thenComparing(operation -> operation == ApiOperation.UPDATE_CLIENT))
                .toList();
        for (ApiOperation operation : operations) {
            Response response = operation.send(clinic.staffAllowedTo(operation), target);
            assertEquals(operation.successStatus, response.statusCode(), operation + ": " + response.asString());
            assertSecurityHeaders(operation.toString(), response);
        }
    }

    @Test
    void shouldForbidCachingAndSniffingOnRefusals() {
        assertSecurityHeaders("no token", given().get("/v1/clients"));
        assertSecurityHeaders("unknown path", given().get("/v1/no-such-thing"));
        // Not checked against the contract: 431 can answer any request, so the contract states it once.
        Response tooLarge = given().header("X-Padding", "x".repeat(21 * 1024)).get("/v1/clients");
        Problems.assertProblem(tooLarge, 431);
        assertSecurityHeaders("headers too large", tooLarge);
    }

    @Test
    void shouldSendStrictTransportSecurityOnlyBehindTls() {
        MultiMap plain = MultiMap.caseInsensitiveMultiMap();
        new SecurityHeaders(config(false, List.of())).addTo(plain);
        assertNull(plain.get("Strict-Transport-Security"));

        MultiMap behindTls = MultiMap.caseInsensitiveMultiMap();
        new SecurityHeaders(config(true, List.of())).addTo(behindTls);
        assertEquals("max-age=31536000", behindTls.get("Strict-Transport-Security"));
        assertEquals("no-store", behindTls.get("Cache-Control"));
    }

    @Test
    void shouldAnswerAPreflightFromAListedDashboard() {
        Response preflight = given().header("Origin", LISTED_ORIGIN)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, if-match, content-type")
                .options("/v1/clients/{clientId}", UUID.randomUUID());

        assertEquals(204, preflight.statusCode());
        assertEquals(LISTED_ORIGIN, preflight.header("Access-Control-Allow-Origin"));
        assertEquals(CrossOrigin.ALLOWED_METHODS, preflight.header("Access-Control-Allow-Methods"));
        assertEquals(CrossOrigin.ALLOWED_HEADERS, preflight.header("Access-Control-Allow-Headers"));
    }

    @Test
    void shouldRefuseAPreflightFromAnyOtherOrigin() {
        Response preflight = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/v1/clients");

        Problems.assertProblem(preflight, 403);
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void shouldLetOnlyAListedDashboardReadAnswers() {
        TestClinic clinic = new TestClinic();
        Response listed = clinic.clinician().header("Origin", LISTED_ORIGIN).get("/v1/clients");
        Response other = clinic.clinician().header("Origin", "https://evil.example").get("/v1/clients");

        assertEquals(LISTED_ORIGIN, listed.then().statusCode(200).extract().header("Access-Control-Allow-Origin"));
        assertEquals(CrossOrigin.EXPOSED_HEADERS, listed.header("Access-Control-Expose-Headers"));
        assertNull(other.then().statusCode(200).extract().header("Access-Control-Allow-Origin"));
    }

    @Test
    void shouldKeepCorsOffWithoutListedOrigins() {
        CrossOrigin unconfigured = new CrossOrigin(config(false, null), null);
        assertFalse(unconfigured.allows(LISTED_ORIGIN));
        assertFalse(unconfigured.allows("null"));
    }

    private static void assertSecurityHeaders(String what, Response response) {
        assertEquals("no-store", response.header("Cache-Control"), what + ": Cache-Control");
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what + ": X-Content-Type-Options");
        assertNull(response.header("Strict-Transport-Security"), what + ": not behind TLS in tests");
    }

    private static HttpConfig config(boolean behindTls, List<String> corsOrigins) {
        return new HttpConfig() {
            @Override
            public boolean behindTls() {
                return behindTls;
            }

            @Override
            public Duration hstsMaxAge() {
                return Duration.ofDays(365);
            }

            @Override
            public Optional<List<String>> corsOrigins() {
                return Optional.ofNullable(corsOrigins);
            }

            @Override
            public int maxUriLength() {
                return 4096;
            }

            @Override
            public MemorySize maxHeaderSize() {
                return new MemorySize(BigInteger.valueOf(20 * 1024));
            }
        };
    }
}
