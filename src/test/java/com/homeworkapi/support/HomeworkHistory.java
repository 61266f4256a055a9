package com.homeworkapi.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a client's homework history relative to the current week, through the API, so
 * stories read in weeks ("nine good weeks, then one missed") whatever today's date is.
 */
public final class HomeworkHistory {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    public final TestClinic clinic;
    public final UUID clientId;
    public final UUID assignmentId;

    private HomeworkHistory(TestClinic clinic, UUID clientId, UUID assignmentId) {
        this.clinic = clinic;
        this.clientId = clientId;
        this.assignmentId = assignmentId;
    }

    /** A client with one three-times-a-week assignment that started {@code weeksAgo} weeks before this week. */
    public static HomeworkHistory threeTimesAWeekSince(TestClinic clinic, int weeksAgo, Map<String, Object> client) {
        UUID clientId = clinic.createClient(client);
        Map<String, Object> assignment = Map.of(
                "title", "Leave the house without checking the stove",
                "kind", "exposure",
                "schedule", Map.of("type", "times_per_week", "timesPerWeek", 3,
                        "startDate", monday(weeksAgo).toString()));
        UUID assignmentId = UUID.fromString(Json.path(clinic.clinician().body(assignment)
                .post("/v1/clients/{clientId}/assignments", clientId).then().statusCode(201).extract(), "id"));
        return new HomeworkHistory(clinic, clientId, assignmentId);
    }

    /** The Monday {@code weeksAgo} weeks before this week, as the service's clock (pinned or not) sees it. */
    public static LocalDate monday(int weeksAgo) {
        return LocalDate.ofInstant(TestClock.now(), ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeksAgo);
    }

    /** Logs {@code times} completed attempts on Tuesday evening and later days of that week. */
    public HomeworkHistory completed(int weeksAgo, int times) {
        for (int day = 0; day < times; day++) {
            log(weeksAgo, day + 1, "completed");
        }
        return this;
    }

    public HomeworkHistory completedEveryWeek(int fromWeeksAgo, int toWeeksAgo) {
        for (int week = fromWeeksAgo; week >= toWeeksAgo; week--) {
            completed(week, 3);
        }
        return this;
    }

    void log(int weeksAgo, int dayOfWeek, String outcome) {
        ZonedDateTime when = monday(weeksAgo).plusDays(dayOfWeek).atTime(LocalTime.of(19, 0)).atZone(ZONE);
        clinic.client(clientId).body(Map.of("occurredAt", RFC_3339.format(when), "outcome", outcome))
                .post("/v1/assignments/{id}/attempts", assignmentId).then().statusCode(201);
    }
}
