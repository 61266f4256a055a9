package com.homeworkapi.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one client from raw records: steps (a) expected occurrences and (b) weekly credit
 * per assignment, then (c) classification. The service can instead keep the weekly rows of
 * (a) and (b) itself and call {@link StatusClassifier} directly.
 */
public final class ClientScoring {

    private ClientScoring() {
    }

    public static ClientScoreReport score(ClientRecord client, ScoringSettings settings, Clock clock) {
        return score(client, settings, clock.instant());
    }

    public static ClientScoreReport score(ClientRecord client, ScoringSettings settings, Instant now) {
        // Today and the current week are in the zone the client lives in now.
        LocalDate today = WeeklyCredit.localDate(now, client.zone());
        IsoWeek currentWeek = IsoWeek.containing(today);
        IsoWeek firstWeek = firstWeek(client, currentWeek);

        List<AssignmentWeek> rows = new ArrayList<>();
        if (firstWeek.compareTo(currentWeek) <= 0) {
            long[] attemptEpochDays = client.timeZones().localEpochDays(occurredAt(client.attempts()));
            for (AssignmentRecord assignment : client.assignments()) {
                rows.addAll(WeeklyCredit.aggregate(assignment, client.attempts(), attemptEpochDays, client.reviews(),
                        firstWeek, currentWeek, today));
            }
        }
        ClientStatusReport status = StatusClassifier.classify(WeeklyCredit.toClientWeeks(rows), client.measurements(),
                Instrument.catalogue(client.clinicInstruments()), settings);
        PracticeProgress practice = PracticeProgress.of(client.assignments(), client.attempts(), today);
        return new ClientScoreReport(now, client.timeZones(), today, rows, status, practice, ProgressSummary.forClient(status));
    }

    private static List<Instant> occurredAt(List<AttemptRecord> attempts) {
        List<Instant> moments = new ArrayList<>(attempts.size());
        for (AttemptRecord attempt : attempts) {
            moments.add(attempt.occurredAt());
        }
        return moments;
    }

    /** The week of the earliest revision or attempt, but no later than the current week. */
    private static IsoWeek firstWeek(ClientRecord client, IsoWeek currentWeek) {
        IsoWeek first = currentWeek;
        for (AssignmentRecord assignment : client.assignments()) {
            IsoWeek week = IsoWeek.containing(assignment.firstEffectiveDate());
            if (week.compareTo(first) < 0) {
                first = week;
            }
        }
        // Weeks follow one another in time, so the earliest attempt lies in the earliest attempt week.
        Instant earliestAttempt = null;
        for (AttemptRecord attempt : client.attempts()) {
            if (earliestAttempt == null || attempt.occurredAt().isBefore(earliestAttempt)) {
                earliestAttempt = attempt.occurredAt();
            }
        }
        if (earliestAttempt != null) {
            IsoWeek week = client.timeZones().weekOf(earliestAttempt);
            if (week.compareTo(first) < 0) {
                first = week;
            }
        }
        return first;
    }
}
