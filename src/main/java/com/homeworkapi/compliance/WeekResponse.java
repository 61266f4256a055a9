package com.homeworkapi.compliance;

import com.homeworkapi.scoring.AssignmentWeek;
import com.homeworkapi.scoring.TimeZoneHistory;
import com.homeworkapi.scoring.WeekAssessment;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One ISO week of a client's homework, counted in {@code timeZone}: the zone the client lived in
 * that week (the current one for the current week). While the week runs
 * ({@code state: in_progress}) its figures are against what was expected so far and it is
 * never a setback.
 *
 * @param expected      occurrences compliance is measured against (so far, while in progress)
 * @param credit        credit that counts: per assignment at most what was expected
 * @param extraPractice credit beyond the expectation, never counted as compliance above 1
 */
public record WeekResponse(
        String week,
        LocalDate weekStart,
        LocalDate weekEnd,
        String timeZone,
        String state,
        int expected,
        int expectedWholeWeek,
        double credit,
        Double compliance,
        String band,
        double extraPractice,
        QualityResponse quality,
        boolean setback,
        String setbackReason,
        String status,
        List<AssignmentFigures> assignments) {

    /** One assignment's share of the week. */
    public record AssignmentFigures(UUID assignmentId, int expected, int expectedWholeWeek, double credit,
            Double compliance, double extraPractice, QualityResponse quality) {

        static AssignmentFigures from(AssignmentWeek row) {
            return new AssignmentFigures(row.assignmentId(), row.expectedToDate(), row.expected(), row.credit(),
                    row.compliance(), row.extraPractice(), QualityResponse.from(row.quality()));
        }
    }

    static WeekResponse from(WeekAssessment week, List<AssignmentWeek> rows, TimeZoneHistory zones) {
        return new WeekResponse(week.week().toString(), week.week().monday(), week.week().sunday(),
                zones.zoneOf(week.week()).getId(), week.inProgress() ? "in_progress" : "ended", week.expected(), week.expectedWholeWeek(),
                week.countedCredit(), week.compliance(), week.band().code(), week.extraPractice(),
                QualityResponse.from(week.quality()), week.setback(), week.setbackReason(), week.status().code(),
                rows.stream().map(AssignmentFigures::from).toList());
    }
}
