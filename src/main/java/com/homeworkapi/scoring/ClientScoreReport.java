package com.homeworkapi.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything scoring says about one client at one moment. {@code computedAt} matters because
 * attempts synced late can still change past weeks.
 *
 * @param assignmentWeeks per-assignment figures for every week scored
 * @param summary         a short plain-language sentence for the client, without names
 */
public record ClientScoreReport(
        Instant computedAt,
        ZoneId zone,
        LocalDate today,
        List<AssignmentWeek> assignmentWeeks,
        ClientStatusReport status,
        PracticeProgress practice,
        String summary) {

    public ClientScoreReport {
        assignmentWeeks = List.copyOf(assignmentWeeks);
    }
}
