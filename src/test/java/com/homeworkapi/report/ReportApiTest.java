package com.homeworkapi.report;

import static com.homeworkapi.support.Json.at;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.homeworkapi.support.Json;
import com.homeworkapi.support.HomeworkHistory;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportApiTest {

    /** Three clients of one clinic: one on track, one in a slip, one in relapse. */
    private record Caseload(TestClinic clinic, HomeworkHistory onTrack, HomeworkHistory slip,
            HomeworkHistory relapse) {

        static Caseload create() {
            TestClinic clinic = new TestClinic();
            HomeworkHistory onTrack = HomeworkHistory.threeTimesAWeekSince(clinic, 4,
                    client("On track", "dr-a")).completedEveryWeek(4, 1);
            HomeworkHistory slip = HomeworkHistory.threeTimesAWeekSince(clinic, 4,
                    client("=HYPERLINK(\"http://x\",\"a, b\")", "dr-b")).completedEveryWeek(4, 2);
            HomeworkHistory relapse = HomeworkHistory.threeTimesAWeekSince(clinic, 6,
                    client("-relapsed", "dr-a")).completedEveryWeek(6, 5);
            return new Caseload(clinic, onTrack, slip, relapse);
        }

        private static Map<String, Object> client(String displayName, String clinician) {
            return Map.of("timeZone", "Europe/Berlin", "displayName", displayName, "primaryClinicianId", clinician);
        }
    }

    @Test
    void theComplianceReportHasARowPerActiveClientWithItsStatusAndFigures() {
        Caseload caseload = Caseload.create();
        caseload.clinic.createClient(Map.of("timeZone", "Europe/Berlin", "status", "discharged"));

        Response report = caseload.clinic.clinician()
                .queryParam("from", HomeworkHistory.monday(4).toString())
                .queryParam("to", HomeworkHistory.monday(1).plusDays(6).toString())
                .get("/v1/reports/compliance");
        report.then().statusCode(200)
                .body(at("items", hasSize(3)))
                .body(at("items.clientId", contains(caseload.onTrack.clientId.toString(),
                        caseload.slip.clientId.toString(), caseload.relapse.clientId.toString())))
                .body(at("items.status", contains("on_track", "slip", "relapse")))
                .body(at("items.weeksCovered", contains(4, 4, 4)))
                .body(at("items[0].meanCompliance", equalTo(1.0f)))
                .body(at("items[1].meanCompliance", equalTo(0.75f)))
                .body(at("items[2].meanCompliance", equalTo(0.0f)))
                .body(at("items.lastFullWeekCompliance", contains(1.0f, 0.0f, 0.0f)))
                .body(at("items.setbackWeeks", contains(0, 1, 4)))
                .body(at("thresholds.adequate", equalTo(0.5f)));

        caseload.clinic.integration().queryParam("clinicianId", "dr-a").get("/v1/reports/compliance").then()
                .statusCode(200)
                .body(at("items.clientId", contains(caseload.onTrack.clientId.toString(),
                        caseload.relapse.clientId.toString())));
    }

    @Test
    void theAtRiskListPutsTheMostSeriousFirstWithEvidence() {
        Caseload caseload = Caseload.create();

        caseload.clinic.clinician().get("/v1/reports/at-risk").then().statusCode(200)
                .body(at("items.clientId", contains(caseload.relapse.clientId.toString(),
                        caseload.slip.clientId.toString())))
                .body(at("items.status.code", contains("relapse", "slip")))
                .body(at("items[0].status.evidence.rule", equalTo("setback_run_reaches_relapse_weeks")))
                .body(at("items[0].status.evidence.weeks", hasSize(4)))
                .body(at("items[1].status.evidence.rule", equalTo("setback_run_below_at_risk_weeks")));
    }

    /**
     * A relapse found from symptoms alone has no setback week: setbackWeeks counts setback weeks,
     * not the weeks since the symptom relapse began, wherever it appears.
     */
    @Test
    void aRelapseFromSymptomsAloneCountsNoSetbackWeeksInTheStatusTheReportsAndTheAtRiskOrder() throws Exception {
        try (var pinned = TestClock.pinnedAt(Instant.parse("2026-03-18T11:00:00Z"))) {
            TestClinic clinic = new TestClinic();
            // Every week met; PHQ-9 back at 10 or more since two weeks ago, after a remission.
            HomeworkHistory symptomsOnly = HomeworkHistory.threeTimesAWeekSince(clinic, 12, BERLIN)
                    .completedEveryWeek(12, 1);
            measurePhq9(clinic, symptomsOnly, 16, HomeworkHistory.monday(12));
            measurePhq9(clinic, symptomsOnly, 7, HomeworkHistory.monday(8));
            measurePhq9(clinic, symptomsOnly, 11, HomeworkHistory.monday(7));
            measurePhq9(clinic, symptomsOnly, 12, HomeworkHistory.monday(2).plusDays(2));
            // The same relapse since last week, in which no homework was done: one setback week.
            HomeworkHistory withAMissedWeek = HomeworkHistory.threeTimesAWeekSince(clinic, 12, BERLIN)
                    .completedEveryWeek(12, 2);
            measurePhq9(clinic, withAMissedWeek, 16, HomeworkHistory.monday(12));
            measurePhq9(clinic, withAMissedWeek, 7, HomeworkHistory.monday(8));
            measurePhq9(clinic, withAMissedWeek, 11, HomeworkHistory.monday(6));
            measurePhq9(clinic, withAMissedWeek, 12, HomeworkHistory.monday(1).plusDays(1));

            clinic.clinician().get("/v1/clients/{id}/compliance", symptomsOnly.clientId).then().statusCode(200)
                    .body(at("status.code", equalTo("relapse")))
                    .body(at("status.evidence.rule", equalTo("symptom_relapse_after_response")))
                    .body(at("status.setbackWeeks", equalTo(0)))
                    .body(at("weeks.setback", everyItem(equalTo(false))));
            clinic.clinician().get("/v1/clients/{id}/compliance", withAMissedWeek.clientId).then().statusCode(200)
                    .body(at("status.code", equalTo("relapse")))
                    .body(at("status.setbackWeeks", equalTo(1)));
            // Both clients were created at the pinned instant, so the report's order between them is by id.
            List<Map<String, Object>> rows = Json.path(clinic.clinician().get("/v1/reports/compliance").then().statusCode(200)
                    .extract(), "items");
            assertEquals(Map.of(symptomsOnly.clientId.toString(), 0, withAMissedWeek.clientId.toString(), 1),
                    rows.stream().collect(Collectors.toMap(row -> (String) row.get("clientId"),
                            row -> row.get("setbackWeeks"))));
            clinic.clinician().get("/v1/reports/at-risk").then().statusCode(200)
                    .body(at("items.clientId", contains(withAMissedWeek.clientId.toString(),
                            symptomsOnly.clientId.toString())))
                    .body(at("items.status.setbackWeeks", contains(1, 0)));
        }
    }

    private static final Map<String, Object> BERLIN = Map.of("timeZone", "Europe/Berlin");

    private static void measurePhq9(TestClinic clinic, HomeworkHistory client, int score, LocalDate on) {
        clinic.clinician().body(Map.of("instrument", "phq9", "score", score, "measuredOn", on.toString()))
                .post("/v1/clients/{id}/measurements", client.clientId).then().statusCode(201);
    }

    @Test
    void aLateSyncIsInTheNextReportWithoutWaiting() {
        Caseload caseload = Caseload.create();
        caseload.clinic.clinician().get("/v1/reports/at-risk").then().body(at("items", hasSize(2)));

        caseload.slip.completed(1, 3);

        caseload.clinic.clinician().get("/v1/reports/at-risk").then()
                .body(at("items.clientId", contains(caseload.relapse.clientId.toString())));
    }

    @Test
    void theCsvReportParsesBackWithItsHeaderAndNeutralisesFormulas() {
        Caseload caseload = Caseload.create();

        Response csv = caseload.clinic.clinician().accept("text/csv").get("/v1/reports/compliance");
        csv.then().statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", equalTo("attachment; filename=\"compliance-report.csv\""));
        List<List<String>> rows = parseCsv(csv.asString());

        assertEquals(List.of("clientId", "displayName", "primaryClinicianId", "status", "weeksCovered",
                "meanCompliance", "lastFullWeekStart", "lastFullWeekCompliance", "lastFullWeekBand", "setbackWeeks",
                "lastAttemptAt", "computedAt", "scoringVersion", "stale"), rows.get(0));
        assertEquals(4, rows.size());
        Map<String, List<String>> byClient = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byClient.put(row.get(0), row));
        assertEquals("'=HYPERLINK(\"http://x\",\"a, b\")", byClient.get(caseload.slip.clientId.toString()).get(1));
        assertEquals("'-relapsed", byClient.get(caseload.relapse.clientId.toString()).get(1));
        assertEquals("relapse", byClient.get(caseload.relapse.clientId.toString()).get(3));
        assertEquals("On track", byClient.get(caseload.onTrack.clientId.toString()).get(1));
        assertTrue(csv.asString().contains("\r\n"), "RFC 4180 lines end in CRLF");
    }

    /**
     * Display names as a spreadsheet should show them when it reads the file as written (comma
     * separated): neutralised with an apostrophe wherever a formula could start, otherwise as
     * sent. A formula can start at the cell's start and after any character a locale may split
     * cells on (semicolon, comma, tab, line break), as the parse below with ";" shows.
     */
    private static final Map<String, String> DISPLAY_NAMES_AS_READ = orderedPairs(
            "x;=1+1", "x;'=1+1",
            "=HYPERLINK(\"http://x\",\"a, b\")", "'=HYPERLINK(\"http://x\",\"a, b\")",
            "a,b", "a,b",
            "\"quoted\"", "\"quoted\"",
            "line\nbreak", "line\nbreak",
            "\t=1", "'\t'=1",
            "-2+3", "'-2+3",
            "a; \"=1+1\"", "a;' \"=1+1\"",
            "Smith,@SUM(A1)", "Smith,'@SUM(A1)",
            "Dana O'Neill-Park", "Dana O'Neill-Park");

    @Test
    void noCellOfTheCsvStartsAFormulaWhicheverSeparatorASpreadsheetSplitsOn() {
        TestClinic clinic = new TestClinic();
        Map<String, String> expectedByClient = new HashMap<>();
        DISPLAY_NAMES_AS_READ.forEach((name, asRead) -> expectedByClient.put(clinic.createClient(
                Map.of("timeZone", "Europe/Berlin", "displayName", name)).toString(), asRead));

        String csv = clinic.clinician().accept("text/csv").get("/v1/reports/compliance").then().statusCode(200)
                .extract().asString();

        List<List<String>> rows = parseCsv(csv);
        assertEquals(DISPLAY_NAMES_AS_READ.size() + 1, rows.size());
        rows.subList(1, rows.size()).forEach(row -> assertEquals(expectedByClient.get(row.get(0)), row.get(1)));
        assertTrue(csv.startsWith("\"clientId\",\"displayName\","), "every cell is quoted, the header's too");
        for (char separator : new char[] {',', ';', '\t'}) {
            for (String cell : cellsAsASpreadsheetSplitsThem(csv, separator)) {
                assertFalse(startsFormula(cell), "split on '" + separator + "', a cell starts a formula: " + cell);
            }
        }
    }

    @Test
    void clientTokensGetNoReportsAndOtherClinicsSeeNoneOfOurClients() {
        Caseload caseload = Caseload.create();
        TestClinic otherClinic = new TestClinic();

        caseload.clinic.client(caseload.slip.clientId).get("/v1/reports/compliance").then().statusCode(403);
        caseload.clinic.client(caseload.slip.clientId).get("/v1/reports/at-risk").then().statusCode(403);
        caseload.clinic.client(caseload.slip.clientId).accept("text/csv").get("/v1/reports/compliance").then()
                .statusCode(403).contentType("application/problem+json");
        otherClinic.clinician().get("/v1/reports/compliance").then().statusCode(200).body(at("items", empty()));
        otherClinic.clinician().get("/v1/reports/at-risk").then().statusCode(200).body(at("items", empty()));
        List<List<String>> otherCsv = parseCsv(otherClinic.admin().accept("text/csv").get("/v1/reports/compliance")
                .then().statusCode(200).extract().asString());
        assertEquals(1, otherCsv.size());
    }

    @Test
    void aReportRangeOrClinicianFilterThatCannotBeReadIsA400() {
        TestClinic clinic = new TestClinic();
        clinic.clinicianSendingBadInput().queryParam("from", "2026-13-01").get("/v1/reports/compliance").then()
                .statusCode(400).body(at("errors.field", contains("from")));
        clinic.clinicianSendingBadInput().queryParam("clinicianId", "x".repeat(201)).get("/v1/reports/at-risk")
                .then().statusCode(400).body(at("errors.field", contains("clinicianId")));
        clinic.clinicianSendingBadInput().accept("application/xml").get("/v1/reports/compliance").then()
                .statusCode(406);
    }

    /**
     * How a spreadsheet importing with {@code separator} cuts the file: a cell that starts with a
     * quote runs to the next lone quote, and anything after that up to the separator is kept as
     * it stands; line breaks outside quotes end a row.
     */
    static List<String> cellsAsASpreadsheetSplitsThem(String text, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean atCellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && atCellStart) {
                quoted = true;
                atCellStart = false;
            } else if (c == separator || c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                atCellStart = true;
            } else {
                cell.append(c);
                atCellStart = false;
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** A spreadsheet may drop leading spaces and quotes before it looks at the first character. */
    static boolean startsFormula(String cell) {
        String rest = cell.replaceFirst("^[ \"]+", "");
        return !rest.isEmpty() && "=+-@\t\r".indexOf(rest.charAt(0)) >= 0;
    }

    private static Map<String, String> orderedPairs(String... keysAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs;
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
