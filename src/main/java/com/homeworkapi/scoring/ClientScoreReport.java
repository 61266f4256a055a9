package com.homeworkapi.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything scoring says about one client at one moment. {@code computedAt} matters because
 * attempts synced late can still change past weeks.
 *
 * @param timeZones       the zones the weeks were counted in ({@link TimeZoneHistory#zoneOf})
 * @param today           the client's date now, in its current zone
 * @param assignmentWeeks per-assignment figures for every week scored
 * @param summary         a short plain-language sentence for the client, without names
 */
public record ClientScoreReport(
        Instant computedAt,
        TimeZoneHistory timeZones,
        LocalDate today,
        List<AssignmentWeek> assignmentWeeks,
        ClientStatusReport status,
        PracticeProgress practice,
        String summary) {

    public ClientScoreReport {
        assignmentWeeks = List.copyOf(assignmentWeeks);
    }
}
