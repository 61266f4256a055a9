package com.homeworkapi;

import static com.homeworkapi.support.Problems.assertInvalidField;
import static com.homeworkapi.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.homeworkapi.support.ApiOperation;
import com.homeworkapi.support.SeededClient;
import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ids, paging, filters and date ranges that cannot be read, in the path or the query: a 4xx
 * problem+json naming the parameter at every operation that takes one, and nothing changed.
 */
@QuarkusTest
class BadPathAndQueryTest {

    static Stream<ApiOperation> operationsOnAnObject() {
        return Arrays.stream(ApiOperation.values()).filter(operation -> operation.targetParameter() != null);
    }

    static Stream<ApiOperation> listOperations() {
        return Arrays.stream(ApiOperation.values()).filter(ApiOperation::isList);
    }

    /** Operations that take a range of ISO dates as {@code from} and {@code to}. */
    static Stream<ApiOperation> operationsWithARangeOfDates() {
        return Stream.of(ApiOperation.GET_CLIENT_COMPLIANCE, ApiOperation.GET_ASSIGNMENT_COMPLIANCE,
                ApiOperation.GET_CLIENT_SUMMARY, ApiOperation.GET_COMPLIANCE_REPORT, ApiOperation.LIST_OCCURRENCES);
    }
    // --- Paths and query parameters -------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOnAnObject")
    void shouldAnswer404ToAMalformedIdInThePathAnd400ToOneInTheQuery(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        SeededClient.State before = seeded.state();
        // A path that names no object is not found; a query parameter that cannot be read is bad input.
        int status = operation.pathParameter() != null ? 404 : 400;

        assertAll(Stream.of("not-a-uuid", "42", seeded.clientId + "0")
                .map(malformed -> (Executable) () -> assertProblem(
                        operation.send(seeded.clinic.sendingBadInputTo(operation), seeded, malformed), status)));

        assertEquals(before, seeded.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void shouldRejectBadPagingParametersNamingThem(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "0"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", String.valueOf(operation.maxLimit() + 1)),
                        "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "abc"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("limit", "-1"), "limit"),
                () -> assertRejectsQuery(operation, seeded, Map.of("cursor", "garbage"), "cursor"),
                () -> assertRejectsQuery(operation, seeded, Map.of("cursor", "!!!"), "cursor"));
    }

    /**
     * A cursor is opaque but not signed, so one can be forged; a position no list holds (a date
     * or instant beyond what the database stores) is no cursor the API issued, and answered 400.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void shouldRejectAForgedCursorBeyondTheDatesTheDatabaseHolds(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());
        UUID someId = UUID.randomUUID();

        assertAll(Stream.of("-5000-01-01", "+1000000000-12-31T23:59:59Z")
                .map(position -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((position + "|" + someId).getBytes(StandardCharsets.UTF_8)))
                .map(cursor -> (Executable) () -> assertRejectsQuery(operation, seeded, Map.of("cursor", cursor),
                        "cursor")));
    }

    @Test
    void shouldRejectAnUnknownFilterValueNamingIt() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENTS, seeded, Map.of("status", "bogus"), "status"),
                () -> assertRejectsQuery(ApiOperation.LIST_ASSIGNMENTS, seeded, Map.of("status", "bogus"),
                        "status"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENTS, seeded, Map.of("identifier", "MRN-1"),
                        "identifier"));
    }

    @Test
    void shouldRejectATimeWindowThatIsNotMadeOfDateTimesNamingTheBound() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded, Map.of("from", "notadate"),
                        "from"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded, Map.of("to", "notadate"),
                        "to"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded, Map.of("from", "2026-01-01"),
                        "from"),
                () -> assertRejectsQuery(ApiOperation.LIST_CLIENT_ATTEMPTS, seeded,
                        Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"), "to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithARangeOfDates")
    void shouldRejectARangeOfDatesThatCannotBeReadNamingTheBound(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "notadate"), "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("to", "notadate"), "to"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2026-02-30"), "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("to", "2026-1-5"), "to"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2026-01-05T00:00:00Z"), "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2026-02-01", "to", "2026-01-31"), "to"),
                // More than 106 weeks (and 35 days): longer histories belong to bulk export.
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "2023-01-02", "to", "2026-03-01"),
                        "from"));
    }

    /** The contract's dates have four-digit years; others are no ISO date it accepts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithARangeOfDates")
    void shouldRejectARangeOfDatesWhoseYearsAreNotFourDigits(ApiOperation operation) {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "-5000-01-01", "to", "-4999-06-01"),
                        "from"),
                () -> assertRejectsQuery(operation, seeded, Map.of("from", "+10000-01-01", "to", "+10000-06-01"),
                        "from"));
    }

    @Test
    void shouldAnswerABadQueryOfTheCsvReportWithProblemJsonNamingIt() {
        TestClinic clinic = new TestClinic();
        Map<Map<String, String>, String> badQueries = Map.of(
                Map.of("from", "notadate"), "from",
                Map.of("from", "2026-02-01", "to", "2026-01-31"), "to",
                Map.of("clinicianId", "x".repeat(201)), "clinicianId");

        assertAll(badQueries.entrySet().stream().map(bad -> (Executable) () -> assertInvalidField(
                clinic.clinicianSendingBadInput().accept("text/csv").queryParams(bad.getKey())
                        .get("/v1/reports/compliance"),
                bad.getValue())));
    }

    @Test
    void shouldRejectAnUnknownInstrumentOrAnOverlongClinicianFilterNamingIt() {
        SeededClient seeded = SeededClient.in(new TestClinic());

        assertAll(
                () -> assertRejectsQuery(ApiOperation.LIST_MEASUREMENTS, seeded, Map.of("instrument", "bdi2"),
                        "instrument"),
                () -> assertRejectsQuery(ApiOperation.LIST_MEASUREMENTS, seeded, Map.of("instrument", "PHQ9"),
                        "instrument"),
                () -> assertRejectsQuery(ApiOperation.LIST_MEASUREMENTS, seeded,
                        Map.of("instrument", "x".repeat(33)), "instrument"),
                () -> assertRejectsQuery(ApiOperation.GET_COMPLIANCE_REPORT, seeded,
                        Map.of("clinicianId", "x".repeat(201)), "clinicianId"),
                () -> assertRejectsQuery(ApiOperation.GET_AT_RISK_REPORT, seeded,
                        Map.of("clinicianId", "x".repeat(201)), "clinicianId"));
    }

    private static void assertRejectsQuery(ApiOperation operation, SeededClient seeded, Map<String, String> query,
            String parameter) {
        Response response = operation.send(seeded.clinic.sendingBadInputTo(operation).queryParams(query), seeded);
        assertInvalidField(response, parameter);
    }
}
