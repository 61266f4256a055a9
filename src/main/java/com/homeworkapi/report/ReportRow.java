package com.homeworkapi.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One active client in the clinic compliance report.
 *
 * @param weeksCovered    ended weeks in the range in which something was expected
 * @param meanCompliance  credit over expected across those weeks (each expected occurrence weighs the same)
 * @param setbackWeeks    setback weeks in the current run (as the status defines them); 0 outside a run
 * @param computedAt      when the figures were computed; late attempts can change past weeks
 * @param scoringVersion  the version of the scoring rules they were computed with; null when never scored
 * @param stale           whether the client's data, the clinic's settings, the rules or the week have
 *                        changed since: the row is what was kept, and a background rescoring is on its way
 */
public record ReportRow(
        UUID clientId,
        String displayName,
        String primaryClinicianId,
        String status,
        int weeksCovered,
        Double meanCompliance,
        LocalDate lastFullWeekStart,
        Double lastFullWeekCompliance,
        String lastFullWeekBand,
        int setbackWeeks,
        Instant lastAttemptAt,
        Instant computedAt,
        Integer scoringVersion,
        boolean stale) {

    static final String[] CSV_HEADER = {"clientId", "displayName", "primaryClinicianId", "status", "weeksCovered",
        "meanCompliance", "lastFullWeekStart", "lastFullWeekCompliance", "lastFullWeekBand", "setbackWeeks",
        "lastAttemptAt", "computedAt", "scoringVersion", "stale"};

    Object[] csvCells() {
        return new Object[] {clientId, displayName, primaryClinicianId, status, weeksCovered, meanCompliance,
            lastFullWeekStart, lastFullWeekCompliance, lastFullWeekBand, setbackWeeks, lastAttemptAt, computedAt,
            scoringVersion, stale};
    }
}
