package com.homeworkapi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.security.ClinicScope;
import com.homeworkapi.support.ClinicDatabase;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.support.TestClock;
import com.homeworkapi.support.TestInstruments;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the bulk refresh (many clients loaded at once, scored in parallel, weeks saved as
 * arrays) must keep exactly what the one-client path keeps, for records of every shape.
 */
@QuarkusTest
class BulkScoringEquivalenceTest {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a refresh or a data change moves on its own; every other kept column is compared. */
    private static final Set<String> NOT_COMPARED = Set.of("clinic_id", "client_id", "computed_at", "data_version",
            "scored_version", "scoring_version");

    @Inject
    ClientScores scores;

    @Inject
    ScoreStore store;

    @Inject
    ClinicScope clinicScope;

    private final TestClinic clinic = new TestClinic();

    /** Each client's shape, to name it in failures without naming anyone. */
    private final Map<UUID, String> shapes = new LinkedHashMap<>();

    /**
     * Both paths score at this one instant, a Wednesday noon (UTC) in the past: the two runs
     * cannot straddle a week's end, and every zone used here is in the same ISO week then.
     */
    private final Instant now = lastWednesdayNoon();

    private static Instant lastWednesdayNoon() {
        Instant real = Instant.now();
        Instant wednesday = LocalDate.ofInstant(real, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY)).atTime(LocalTime.NOON)
                .toInstant(ZoneOffset.UTC);
        return wednesday.isAfter(real) ? wednesday.minus(Duration.ofDays(7)) : wednesday;
    }

    @AfterEach
    void releaseTheClock() {
        TestClock.release();
    }

    @Test
    void shouldKeepTheSameScoresInBulkAsOneByOneForRecordsOfEveryShape() throws SQLException {
        TestClock.pin(now);
        buildVariedRecords();

        long staleAtFirst = clinicScope.call(clinic.id, () -> scores.refreshStale(clinic.id));
        assertEquals(shapes.size(), staleAtFirst, "every client of the clinic was stale before the bulk refresh");
        Snapshot bulk = snapshot();
        assertVaried(bulk);

        makeEveryScoreStaleAndForgetWhatWasKept();
        for (UUID clientId : shapes.keySet()) {
            ClinicDatabase.call(clinic.id, () -> scores.scoreNow(clinic.id, clientId));
        }
        Snapshot oneByOne = snapshot();

        assertEquals(0L, ClinicDatabase.call(clinic.id, () -> store.countStale(clinic.id, now)),
                "the one-client path kept a fresh score for every client");
        assertSameScores(bulk, oneByOne);
    }

    // ---- the records -------------------------------------------------------------------------

    private void buildVariedRecords() {
        saveClinicSettingsOtherThanTheDefaults();
        client("no data at all", BERLIN);

        Shape steady = client("three times a week, every week met, this week begun", BERLIN);
        UUID exposure = steady.assign("exposure", 40, Map.of("type", "times_per_week", "timesPerWeek", 3,
                "startDate", steady.monday(6).toString()));
        for (int week = 6; week >= 1; week--) {
            for (int day = 0; day < 3; day++) {
                steady.attempt(exposure, week, day * 2, Map.of("outcome", "completed", "durationMinutes", 30,
                        "suds", Map.of("before", 60, "peak", 80 - week * 5, "after", 30),
                        "quality", Map.of("rating", 3, "rater", "client")));
            }
        }
        steady.attempt(exposure, 0, 1, Map.of("outcome", "completed"));
        // Extra practice beyond what was expected, in an ended week.
        steady.attempt(exposure, 2, 6, Map.of("outcome", "completed"));

        Shape stopped = client("days of week, then two weeks of skips with obstacles", NEW_YORK);
        UUID thoughtRecord = stopped.assign("thought_record", null, Map.of("type", "days_of_week",
                "daysOfWeek", List.of("MON", "WED", "FRI"), "startDate", stopped.monday(5).toString()));
        for (int week = 5; week >= 3; week--) {
            for (int day : new int[] {0, 2, 4}) {
                stopped.attempt(thoughtRecord, week, day, Map.of("outcome", "completed"));
            }
        }
        for (int week = 2; week >= 1; week--) {
            stopped.attempt(thoughtRecord, week, 0, Map.of("outcome", "skipped",
                    "obstacles", List.of("no_time", "symptoms_interfered")));
            stopped.attempt(thoughtRecord, week, 2, Map.of("outcome", "skipped", "obstacles", List.of("forgot")));
        }

        Shape recovering = client("daily, one low week, then back", BERLIN);
        UUID daily = recovering.assign("mindfulness", 10, Map.of("type", "daily",
                "startDate", recovering.monday(5).toString()));
        for (int week = 5; week >= 1; week--) {
            int days = week == 2 ? 1 : 7;
            for (int day = 0; day < days; day++) {
                recovering.attempt(daily, week, day, Map.of("outcome", "completed"));
            }
        }

        Shape onceDone = client("once, done before its due date", BERLIN);
        UUID worksheet = onceDone.assign("worksheet", null, Map.of("type", "once",
                "startDate", onceDone.monday(3).toString(), "dueDate", onceDone.monday(3).plusDays(3).toString()));
        onceDone.attempt(worksheet, 3, 2, Map.of("outcome", "completed"));

        Shape onceMissed = client("once, never done", AUCKLAND);
        onceMissed.assign("worksheet", null, Map.of("type", "once",
                "startDate", onceMissed.monday(2).toString(), "dueDate", onceMissed.monday(2).plusDays(4).toString()));

        Shape revised = client("twice a week revised to five times mid-way, still practising twice", BERLIN);
        UUID raised = revised.assign("behavioral_activation", 55, Map.of("type", "times_per_week", "timesPerWeek", 2,
                "startDate", revised.monday(7).toString()));
        revised.revise(raised, "behavioral_activation", Map.of("type", "times_per_week", "timesPerWeek", 5,
                "startDate", revised.monday(7).toString()), "active", revised.monday(4).plusDays(3));
        for (int week = 7; week >= 0; week--) {
            revised.attempt(raised, week, 0, Map.of("outcome", "completed"));
            revised.attempt(raised, week, 1, Map.of("outcome", "partial", "completion", 0.5));
        }

        Shape paused = client("assignment paused for two weeks, then resumed and ended", BERLIN);
        UUID interrupted = paused.assign("exposure", 70, Map.of("type", "times_per_week", "timesPerWeek", 3,
                "startDate", paused.monday(7).toString(), "endDate", paused.monday(0).plusDays(6).toString()));
        paused.revise(interrupted, "exposure", Map.of("type", "times_per_week", "timesPerWeek", 3,
                "startDate", paused.monday(7).toString(), "endDate", paused.monday(0).plusDays(6).toString()),
                "paused", paused.monday(3));
        paused.revise(interrupted, "exposure", Map.of("type", "times_per_week", "timesPerWeek", 3,
                "startDate", paused.monday(7).toString(), "endDate", paused.monday(0).plusDays(6).toString()),
                "active", paused.monday(1));
        for (int week : new int[] {7, 6, 5, 4, 1}) {
            for (int day = 0; day < 3; day++) {
                paused.attempt(interrupted, week, day, Map.of("outcome", "completed",
                        "suds", Map.of("peak", 70 - week)));
            }
        }
        // A second assignment completed early and one cancelled: neither is expected after.
        UUID finished = paused.assign("skills_practice", 20, Map.of("type", "daily",
                "startDate", paused.monday(6).toString()));
        paused.revise(finished, "skills_practice", Map.of("type", "daily", "startDate", paused.monday(6).toString()),
                "completed", paused.monday(5));
        UUID cancelled = paused.assign("other", null, Map.of("type", "days_of_week",
                "daysOfWeek", List.of("TUE"), "startDate", paused.monday(4).toString()));
        paused.revise(cancelled, "other", Map.of("type", "days_of_week", "daysOfWeek", List.of("TUE"),
                "startDate", paused.monday(4).toString()), "cancelled", paused.monday(2));

        Shape discharged = client("discharged and taken back, partial attempts", BERLIN);
        UUID partly = discharged.assign("exposure", 35, Map.of("type", "times_per_week", "timesPerWeek", 4,
                "startDate", discharged.monday(5).toString()));
        for (int week = 5; week >= 1; week--) {
            for (int day = 0; day < 4; day++) {
                Map<String, Object> quality = Map.of("rating", day, "rater", "clinician");
                if (week % 2 == 0 || day == 3) {
                    discharged.attempt(partly, week, day, Map.of("outcome", "completed", "quality", quality));
                } else {
                    // Completion applies to partial attempts only.
                    discharged.attempt(partly, week, day, Map.of("outcome", "partial", "completion", 0.25 * (day + 1),
                            "quality", quality, "obstacles", List.of("too_difficult")));
                }
            }
        }
        discharged.changeClient("discharged", BERLIN);
        discharged.changeClient("active", BERLIN);

        Shape relapse = client("homework met, phq9 responded then came back", BERLIN);
        UUID practice = relapse.assign("exposure", 50, Map.of("type", "times_per_week", "timesPerWeek", 2,
                "startDate", relapse.monday(9).toString()));
        for (int week = 9; week >= 1; week--) {
            relapse.attempt(practice, week, 1, Map.of("outcome", "completed"));
            relapse.attempt(practice, week, 3, Map.of("outcome", "completed"));
        }
        relapse.measure("phq9", 21, 9);
        relapse.measure("phq9", 6, 7);
        relapse.measure("phq9", 16, 5);
        relapse.measure("phq9", 17, 1);

        Shape slip = client("engaged, one low week, gad7 reliably better", BERLIN);
        UUID breathing = slip.assign("skills_practice", 25, Map.of("type", "times_per_week", "timesPerWeek", 3,
                "startDate", slip.monday(6).toString()));
        slip.completeEachWeek(breathing, 6, 2, 3);
        slip.attempt(breathing, 1, 2, Map.of("outcome", "skipped", "obstacles", List.of("practical_problem")));
        slip.measure("gad7", 16, 6);
        slip.measure("gad7", 5, 2);

        Shape worsening = client("homework met, phq9 reliably worse", BERLIN);
        UUID walk = worsening.assign("behavioral_activation", null, Map.of("type", "daily",
                "startDate", worsening.monday(4).toString()));
        worsening.completeEachWeek(walk, 4, 1, 7);
        worsening.measure("phq9", 8, 4);
        worsening.measure("phq9", 19, 1);
        worsening.measure("gad7", 12, 3);

        Shape reviewed = client("two assignments with clinician reviews and ratings", NEW_YORK);
        UUID first = reviewed.assign("exposure", 60, Map.of("type", "times_per_week", "timesPerWeek", 2,
                "startDate", reviewed.monday(4).toString()));
        UUID second = reviewed.assign("thought_record", 30, Map.of("type", "days_of_week",
                "daysOfWeek", List.of("TUE", "THU"), "startDate", reviewed.monday(4).toString()));
        for (int week = 4; week >= 1; week--) {
            reviewed.attempt(first, week, 0, Map.of("outcome", "completed", "quality", Map.of("rating", 2,
                    "rater", "client")));
            reviewed.attempt(first, week, 4, Map.of("outcome", "partial", "completion", 0.75));
            reviewed.attempt(second, week, 1, Map.of("outcome", "completed"));
            if (week != 2) {
                reviewed.attempt(second, week, 3, Map.of("outcome", "completed"));
            }
            reviewed.review(week, Map.of(first, week % 4, second, 4), List.of("no_time"));
        }
        // Two reviews of one week both count.
        reviewed.review(1, Map.of(first, 1), List.of());

        Shape mover = moverFromBerlinToNewYork();
        UUID evening = mover.assign("exposure", 45, Map.of("type", "daily", "startDate", mover.monday(5).toString()));
        for (int week = 5; week >= 0; week--) {
            for (int day = 0; day < 7; day++) {
                if (week == 0 && day > 1) {
                    break;
                }
                // Late in the evening in Berlin is the afternoon in New York: the move shifts days, not weeks.
                ZoneId zone = week >= 2 ? BERLIN : NEW_YORK;
                mover.attemptAt(evening, mover.monday(week).plusDays(day), LocalTime.of(23, 30), zone,
                        Map.of("outcome", week == 3 ? "skipped" : "completed"));
            }
        }

        Shape lowFromTheStart = client("never engaged, every week low", AUCKLAND);
        UUID hard = lowFromTheStart.assign("exposure", 90, Map.of("type", "times_per_week", "timesPerWeek", 5,
                "startDate", lowFromTheStart.monday(4).toString()));
        for (int week = 4; week >= 0; week--) {
            lowFromTheStart.attempt(hard, week, 1, Map.of("outcome", "partial", "completion", 0.3,
                    "suds", Map.of("before", 70, "peak", 95, "after", 60)));
        }
        lowFromTheStart.measure("gad7", 18, 4);
        lowFromTheStart.measure("pcl5", 52, 3);
        lowFromTheStart.measure("pcl5", 38, 1);

        Shape justStarted = client("assignment starts this week, one attempt today", BERLIN);
        UUID fresh = justStarted.assign("mindfulness", 5, Map.of("type", "daily",
                "startDate", justStarted.monday(0).toString()));
        justStarted.attempt(fresh, 0, 0, Map.of("outcome", "completed"));
        justStarted.attempt(fresh, 0, 1, Map.of("outcome", "partial", "completion", 0.6));

        Shape lapsed = client("engaged long ago, then four weeks of nothing", BERLIN);
        UUID forgotten = lapsed.assign("exposure", 40, Map.of("type", "times_per_week", "timesPerWeek", 2,
                "startDate", lapsed.monday(8).toString()));
        for (int week = 8; week >= 5; week--) {
            lapsed.attempt(forgotten, week, 0, Map.of("outcome", "completed"));
            lapsed.attempt(forgotten, week, 2, Map.of("outcome", "completed"));
        }
    }

    /** Thresholds and an instrument of the clinic's own, so a path that scored with the defaults would show. */
    private void saveClinicSettingsOtherThanTheDefaults() {
        Map<String, Object> pcl5 = TestInstruments.pcl5("responsePercent", 20);
        clinic.admin().header("If-Match", "\"0\"").body(Map.of(
                "compliance", Map.of("met", 0.75, "adequate", 0.4),
                "weeks", Map.of("engagement", 1, "atRisk", 3, "relapse", 5, "recovering", 2),
                "symptomRelapse", Map.of("measurements", 2, "spanDays", 21),
                "instruments", List.of(pcl5))).put("/v1/clinic/settings").then().statusCode(200);
    }

    /** A client created seven weeks ago in Berlin who moved to New York in the middle of the week before last. */
    private Shape moverFromBerlinToNewYork() {
        Shape mover;
        TestClock.pin(now.minus(Duration.ofDays(49)));
        try {
            mover = client("moved from Berlin to New York two weeks ago", BERLIN);
        } finally {
            TestClock.pin(now);
        }
        TestClock.pin(now.minus(Duration.ofDays(14)));
        try {
            mover.changeClient("active", NEW_YORK);
        } finally {
            TestClock.pin(now);
        }
        return mover.inZone(NEW_YORK);
    }

    private Shape client(String shape, ZoneId zone) {
        UUID clientId = clinic.createClient(Map.of("timeZone", zone.getId()));
        shapes.put(clientId, shape);
        return new Shape(clientId, zone);
    }

    /** One client of the clinic, and what its record is built with, in weeks before the current one. */
    private final class Shape {

        final UUID id;
        final ZoneId zone;

        Shape(UUID id, ZoneId zone) {
            this.id = id;
            this.zone = zone;
        }

        Shape inZone(ZoneId newZone) {
            return new Shape(id, newZone);
        }

        LocalDate monday(int weeksAgo) {
            return LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .minusWeeks(weeksAgo);
        }

        UUID assign(String kind, Integer difficulty, Map<String, Object> schedule) {
            Map<String, Object> body = new HashMap<>(Map.of("title", "Homework " + kind, "kind", kind,
                    "schedule", schedule));
            if (difficulty != null) {
                body.put("difficulty", difficulty);
            }
            return UUID.fromString(Json.path(clinic.clinician().body(body)
                    .post("/v1/clients/{clientId}/assignments", id).then().statusCode(201).extract(), "id"));
        }

        void revise(UUID assignmentId, String kind, Map<String, Object> schedule, String status,
                LocalDate effectiveDate) {
            String etag = clinic.clinician().get("/v1/assignments/{id}", assignmentId).then().statusCode(200)
                    .extract().header("ETag");
            clinic.clinician().header("If-Match", etag).body(Map.of("title", "Homework " + kind, "kind", kind,
                    "schedule", schedule, "status", status, "effectiveDate", effectiveDate.toString()))
                    .put("/v1/assignments/{id}", assignmentId).then().statusCode(200);
        }

        void changeClient(String status, ZoneId newZone) {
            String etag = clinic.clinician().get("/v1/clients/{id}", id).then().statusCode(200)
                    .extract().header("ETag");
            clinic.clinician().header("If-Match", etag).body(Map.of("timeZone", newZone.getId(), "status", status))
                    .put("/v1/clients/{id}", id).then().statusCode(200);
        }

        /** A completed attempt on each of the first {@code days} days of every week from one to another, oldest first. */
        void completeEachWeek(UUID assignmentId, int fromWeeksAgo, int toWeeksAgo, int days) {
            for (int week = fromWeeksAgo; week >= toWeeksAgo; week--) {
                for (int day = 0; day < days; day++) {
                    attempt(assignmentId, week, day, Map.of("outcome", "completed"));
                }
            }
        }

        /** An attempt at 19:00 in the client's zone on {@code day} (0 is Monday) of that week. */
        void attempt(UUID assignmentId, int weeksAgo, int day, Map<String, Object> fields) {
            attemptAt(assignmentId, monday(weeksAgo).plusDays(day), LocalTime.of(19, 0), zone, fields);
        }

        void attemptAt(UUID assignmentId, LocalDate day, LocalTime time, ZoneId in, Map<String, Object> fields) {
            Map<String, Object> body = new HashMap<>(fields);
            body.put("occurredAt", RFC_3339.format(day.atTime(time).atZone(in)));
            clinic.clinician().body(body).post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
        }

        /** A measurement on the Wednesday of that week. */
        void measure(String instrument, int score, int weeksAgo) {
            clinic.clinician().body(Map.of("instrument", instrument, "score", score,
                    "measuredOn", monday(weeksAgo).plusDays(2).toString()))
                    .post("/v1/clients/{id}/measurements", id).then().statusCode(201);
        }

        void review(int weeksAgo, Map<UUID, Integer> qualities, List<String> obstacles) {
            List<Map<String, Object>> items = qualities.entrySet().stream()
                    .map(rating -> Map.<String, Object>of("assignmentId", rating.getKey().toString(),
                            "quality", rating.getValue()))
                    .toList();
            clinic.clinician().body(Map.of("weekStart", monday(weeksAgo).toString(), "assignments", items,
                    "obstacles", obstacles))
                    .post("/v1/clients/{id}/reviews", id).then().statusCode(201);
        }
    }

    // ---- what is kept ------------------------------------------------------------------------

    /** Every compared column of each client's kept score, and each kept week's columns, by column name. */
    private record Snapshot(Map<UUID, Map<String, Object>> clients, Map<UUID, Map<LocalDate, Map<String, Object>>> weeks) {
    }

    private Snapshot snapshot() throws SQLException {
        Map<UUID, Map<String, Object>> clients = new HashMap<>();
        Map<UUID, Map<LocalDate, Map<String, Object>>> weeks = new HashMap<>();
        try (Connection connection = ClinicDatabase.connection(clinic.id)) {
            try {
                read(connection, "select * from client_score where clinic_id = ?", (clientId, row) ->
                        clients.put(clientId, row));
                read(connection, "select * from client_week_score where clinic_id = ?", (clientId, row) ->
                        weeks.computeIfAbsent(clientId, client -> new TreeMap<>())
                                .put(LocalDate.parse(row.remove("week_start").toString()), row));
            } finally {
                connection.rollback();
            }
        }
        return new Snapshot(clients, weeks);
    }

    private interface RowReader {
        void accept(UUID clientId, Map<String, Object> row) throws SQLException;
    }

    private void read(Connection connection, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, clinic.id);
            try (ResultSet rows = query.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        String name = columns.getColumnName(column);
                        if (!NOT_COMPARED.contains(name)) {
                            row.put(name, value(name, rows.getObject(column)));
                        }
                    }
                    reader.accept(rows.getObject("client_id", UUID.class), row);
                }
            }
        }
    }

    /** status_json as a JSON tree, so key order and spacing do not count; the rest as read. */
    private static Object value(String column, Object read) {
        if (read == null || !column.equals("status_json")) {
            return read;
        }
        try {
            return JSON.readTree(read.toString());
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("status_json is not JSON", unreadable);
        }
    }

    /**
     * As a data change does (ScoreStore.markClinicChanged), and with the kept figures cleared, so
     * that the second snapshot can only hold what the one-client path wrote.
     */
    private void makeEveryScoreStaleAndForgetWhatWasKept() throws SQLException {
        ClinicDatabase.run(clinic.id, () -> store.markClinicChanged(clinic.id));
        try (Connection connection = ClinicDatabase.connection(clinic.id)) {
            try (PreparedStatement forgetWeeks = connection.prepareStatement(
                    "delete from client_week_score where clinic_id = ?");
                    PreparedStatement forgetScores = connection.prepareStatement("""
                            update client_score set computed_week = null, status = null,
                                fhir_achievement_status = null, engaged = null, setback_weeks = null,
                                last_full_week_start = null, last_full_week_compliance = null,
                                last_full_week_band = null, last_attempt_at = null, status_json = null
                            where clinic_id = ?
                            """)) {
                forgetWeeks.setObject(1, clinic.id);
                forgetWeeks.executeUpdate();
                forgetScores.setObject(1, clinic.id);
                assertEquals(shapes.size(), forgetScores.executeUpdate(), "every client had a kept score");
                connection.commit();
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            }
        }
        assertEquals((long) shapes.size(), ClinicDatabase.call(clinic.id, () -> store.countStale(clinic.id, now)),
                "every kept score is stale again");
    }

    // ---- the comparison ----------------------------------------------------------------------

    private void assertSameScores(Snapshot bulk, Snapshot oneByOne) {
        assertEquals(shapes.keySet(), bulk.clients().keySet(), "clients with a score kept in bulk");
        assertEquals(shapes.keySet(), oneByOne.clients().keySet(), "clients with a score kept one by one");
        for (UUID clientId : shapes.keySet()) {
            String shape = shapes.get(clientId);
            Map<String, Object> inBulk = bulk.clients().get(clientId);
            Map<String, Object> alone = oneByOne.clients().get(clientId);
            assertEquals(inBulk.keySet(), alone.keySet(), shape + ": client_score columns");
            for (String field : inBulk.keySet()) {
                assertEquals(inBulk.get(field), alone.get(field),
                        shape + ": client_score." + field + " in bulk, then one by one");
            }
            Map<LocalDate, Map<String, Object>> weeksInBulk = bulk.weeks().getOrDefault(clientId, Map.of());
            Map<LocalDate, Map<String, Object>> weeksAlone = oneByOne.weeks().getOrDefault(clientId, Map.of());
            assertEquals(weeksInBulk.keySet(), weeksAlone.keySet(), shape + ": the weeks kept (week_start)");
            for (LocalDate week : weeksInBulk.keySet()) {
                for (String field : weeksInBulk.get(week).keySet()) {
                    assertEquals(weeksInBulk.get(week).get(field), weeksAlone.get(week).get(field),
                            shape + ": client_week_score." + field + " of the week of " + week
                                    + " in bulk, then one by one");
                }
            }
        }
    }

    /** The records must reach many branches of scoring, or equal snapshots would prove little. */
    private void assertVaried(Snapshot bulk) {
        Map<String, String> statusByShape = new TreeMap<>();
        Set<Object> statuses = new TreeSet<>();
        int withoutFullWeek = 0;
        for (Map.Entry<UUID, Map<String, Object>> client : bulk.clients().entrySet()) {
            Object status = client.getValue().get("status");
            statusByShape.put(shapes.get(client.getKey()), String.valueOf(status));
            statuses.add(status);
            if (client.getValue().get("last_full_week_start") == null) {
                withoutFullWeek++;
            }
        }
        List<Map<String, Object>> weeks = bulk.weeks().values().stream().flatMap(byWeek -> byWeek.values().stream())
                .toList();
        assertTrue(statuses.size() >= 4, "at least four distinct statuses: " + statusByShape);
        assertTrue(statuses.contains("relapse") && statuses.contains("slip"), "a relapse and a slip: " + statusByShape);
        assertTrue(withoutFullWeek >= 2, "clients with no full week yet: " + withoutFullWeek);
        assertTrue(weeks.stream().anyMatch(week -> Boolean.TRUE.equals(week.get("setback"))), "a setback week");
        assertTrue(weeks.stream().anyMatch(week -> Boolean.TRUE.equals(week.get("in_progress"))
                && ((Number) week.get("counted_credit")).doubleValue() > 0), "credit in the week in progress");
        assertTrue(weeks.stream().anyMatch(week -> ((Number) week.get("extra_practice")).doubleValue() > 0),
                "extra practice in some week");
        assertTrue(weeks.stream().anyMatch(week -> week.get("compliance") == null), "a week with nothing expected");
        assertTrue(weeks.size() >= 40, "weeks kept: " + weeks.size());
    }
}
