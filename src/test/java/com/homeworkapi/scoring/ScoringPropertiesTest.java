package com.homeworkapi.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants that must hold for any schedule, attempts and weeks. */
class ScoringPropertiesTest {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 30);
    private static final IsoWeek FIRST_WEEK = IsoWeek.containing(FIRST_MONDAY);
    private static final int WEEKS = 8;
    private static final UUID ASSIGNMENT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    // Local date inside the last of the eight weeks, so earlier weeks have ended.
    private static final LocalDate TODAY = FIRST_MONDAY.plusWeeks(WEEKS - 1).plusDays(3);

    @Property
    void complianceStaysBetweenZeroAndOne(
            @ForAll("assignments") AssignmentRecord assignment, @ForAll("attempts") List<AttemptRecord> attempts) {
        List<AssignmentWeek> rows = aggregate(assignment, attempts);

        for (AssignmentWeek row : rows) {
            Double compliance = row.compliance();
            assertTrue(compliance == null || (compliance >= 0 && compliance <= 1), () -> row.toString());
            assertTrue(row.extraPractice() >= 0);
        }
        for (ClientWeek week : WeeklyCredit.toClientWeeks(rows)) {
            Double compliance = week.compliance();
            assertTrue(compliance == null || (compliance >= 0 && compliance <= 1), () -> week.toString());
        }
    }

    @Property
    void addingACompletedAttemptNeverLowersAnyWeeksCompliance(
            @ForAll("assignments") AssignmentRecord assignment,
            @ForAll("attempts") List<AttemptRecord> attempts,
            @ForAll("moments") Instant extraMoment) {
        List<AttemptRecord> more = new ArrayList<>(attempts);
        more.add(AttemptRecord.completed(ASSIGNMENT_ID, extraMoment));

        List<ClientWeek> before = WeeklyCredit.toClientWeeks(aggregate(assignment, attempts));
        List<ClientWeek> after = WeeklyCredit.toClientWeeks(aggregate(assignment, more));

        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            Double was = before.get(i).compliance();
            Double is = after.get(i).compliance();
            assertEquals(was == null, is == null);
            if (was != null) {
                assertTrue(is >= was - 1e-12, "week " + before.get(i).week() + " went from " + was + " to " + is);
            }
        }
    }

    @Property
    void shiftingEveryTimestampAndTheTimeZoneTogetherChangesNothing(
            @ForAll("assignments") AssignmentRecord assignment,
            @ForAll("attempts") List<AttemptRecord> attempts,
            @ForAll @IntRange(min = -12, max = 14) int offsetHours) {
        Instant now = TODAY.atTime(12, 0).atOffset(ZoneOffset.UTC).toInstant();
        ClientRecord inUtc = ClientRecord.of(ZoneOffset.UTC, List.of(assignment), attempts);
        Duration shift = Duration.ofHours(-offsetHours);
        List<AttemptRecord> shifted = attempts.stream().map(attempt -> attempt.at(attempt.occurredAt().plus(shift))).toList();
        ClientRecord elsewhere = ClientRecord.of(ZoneOffset.ofHours(offsetHours), List.of(assignment), shifted);

        ClientScoreReport original = ClientScoring.score(inUtc, ScoringSettings.DEFAULTS, now);
        ClientScoreReport moved = ClientScoring.score(elsewhere, ScoringSettings.DEFAULTS, now.plus(shift));

        assertEquals(original.assignmentWeeks(), moved.assignmentWeeks());
        assertEquals(original.status(), moved.status());
        assertEquals(original.practice(), moved.practice());
        assertEquals(original.summary(), moved.summary());
    }

    @Property
    void noRelapseWithoutARunOfRelapseWeeksSetbacksOrTheSymptomRule(
            @ForAll("complianceSeries") List<Double> compliance,
            @ForAll("phq9Series") List<SymptomScore> measurements,
            @ForAll @IntRange(min = 2, max = 6) int relapseWeeks) {
        ScoringSettings settings = ScoringSettings.DEFAULTS.withWeeks(2, 2, relapseWeeks, 2);
        ClientStatusReport report = StatusClassifier.classify(weeksOf(compliance, false), measurements,
                Instrument.catalogue(List.of()), settings);

        List<WeekAssessment> weeks = report.weeks();
        for (int i = 0; i < weeks.size(); i++) {
            WeekAssessment week = weeks.get(i);
            if (week.status() != ClinicalStatus.RELAPSE) {
                continue;
            }
            String rule = week.evidence().rule();
            if (rule.equals(Rules.SETBACK_RUN_REACHES_RELAPSE_WEEKS)) {
                assertTrue(week.evidence().weeks().size() >= relapseWeeks);
                for (IsoWeek inRun : week.evidence().weeks()) {
                    assertTrue(report.week(inRun).setback(), inRun + " is in the run but is no setback");
                }
            } else if (rule.equals(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE)) {
                List<SymptomScore> scores = week.evidence().scores();
                // Baseline first, then the consecutive measurements that made the relapse.
                assertTrue(scores.size() - 1 >= settings.symptomRelapseMeasurements());
                long span = scores.get(scores.size() - 1).date().toEpochDay() - scores.get(1).date().toEpochDay();
                assertTrue(span >= settings.symptomRelapseDays(), "span " + span);
            } else {
                assertEquals(Rules.NOTHING_EXPECTED_CARRIES_STATUS, rule);
                assertEquals(ClinicalStatus.RELAPSE, weeks.get(i - 1).status());
            }
        }
    }

    @Property
    void setbackWeeksAreTheTrailingSetbackWeeksAndTheRunTheRulesHoldAgainstTheLimits(
            @ForAll("complianceSeries") List<Double> compliance,
            @ForAll("phq9Series") List<SymptomScore> measurements,
            @ForAll boolean lastInProgress) {
        ClientStatusReport report = Fixtures.classify(weeksOf(compliance, lastInProgress), measurements);

        // A week with nothing expected is a setback only through a symptom worsening; otherwise it is passed over.
        List<WeekAssessment> counted = report.weeks().stream()
                .filter(week -> !week.inProgress() && (week.setback() || week.band() != Band.NOTHING_EXPECTED)).toList();
        int setbacksAtTheEnd = 0;
        while (setbacksAtTheEnd < counted.size() && counted.get(counted.size() - 1 - setbacksAtTheEnd).setback()) {
            setbacksAtTheEnd++;
        }
        int trailing = setbacksAtTheEnd;
        assertTrue(report.setbackWeeks() <= trailing, () -> report.setbackWeeks() + " > " + trailing);
        if (report.engaged() && report.setbackWeeks() < trailing) {
            // Only weeks from before engagement can be left out. Their status need not say so: a
            // relapse from symptoms is reported before engagement too.
            WeekAssessment firstLeftOut = counted.get(counted.size() - 1 - report.setbackWeeks());
            long adequateSoFar = report.weeks().subList(0, report.weeks().indexOf(firstLeftOut) + 1).stream()
                    .filter(week -> week.band() == Band.MET || week.band() == Band.ADEQUATE).count();
            assertTrue(adequateSoFar < ScoringSettings.DEFAULTS.engagementWeeks(), () -> firstLeftOut.toString());
        }
        String rule = report.evidence().rule();
        if (rule.equals(Rules.SETBACK_RUN_BELOW_AT_RISK_WEEKS) || rule.equals(Rules.SETBACK_WITHOUT_SYMPTOM_GAINS)
                || rule.equals(Rules.SETBACK_RUN_REACHES_AT_RISK_WEEKS) || rule.equals(Rules.SETBACK_RUN_REACHES_RELAPSE_WEEKS)) {
            assertEquals(report.evidence().weeks().size(), report.setbackWeeks());
        }
        if (report.setbackWeeks() > 0) {
            assertTrue(EnumSet.of(ClinicalStatus.SLIP, ClinicalStatus.AT_RISK, ClinicalStatus.RELAPSE).contains(report.status()),
                    () -> report.status().toString());
        }
    }

    @Property
    void noEvidenceListsTheSameWeekOrScoreTwice(
            @ForAll("complianceSeries") List<Double> compliance,
            @ForAll("phq9Series") List<SymptomScore> measurements) {
        ClientStatusReport report = Fixtures.classify(weeksOf(compliance, true), measurements);

        List<Evidence> all = new ArrayList<>();
        all.add(report.evidence());
        report.weeks().forEach(week -> all.add(week.evidence()));
        report.episodes().forEach(episode -> all.add(episode.evidence()));
        for (SymptomSummary symptom : report.symptoms()) {
            all.add(symptom.evidence());
            symptom.relapses().forEach(relapse -> all.add(relapse.evidence()));
        }
        for (Evidence evidence : all) {
            assertEquals(new HashSet<>(evidence.weeks()).size(), evidence.weeks().size(), () -> evidence.toString());
            assertEquals(new HashSet<>(evidence.scores()).size(), evidence.scores().size(), () -> evidence.toString());
        }
    }

    @Property
    void withoutMeasurementsAndWithoutRelapseWeeksLowWeeksInARowThereIsNoRelapse(
            @ForAll("complianceSeries") List<Double> compliance) {
        int longestLowRun = 0;
        int run = 0;
        for (Double value : compliance) {
            if (value == null) {
                continue;
            }
            run = value < ScoringSettings.DEFAULTS.adequate() ? run + 1 : 0;
            longestLowRun = Math.max(longestLowRun, run);
        }

        ClientStatusReport report = Fixtures.classify(weeksOf(compliance, false));

        if (longestLowRun < ScoringSettings.DEFAULTS.relapseWeeks()) {
            assertTrue(report.weeks().stream().noneMatch(week -> week.status() == ClinicalStatus.RELAPSE));
        }
    }

    @Property
    void aWeekInProgressIsNeverASetback(
            @ForAll("complianceSeries") List<Double> compliance,
            @ForAll("phq9Series") List<SymptomScore> measurements) {
        ClientStatusReport report = Fixtures.classify(weeksOf(compliance, true), measurements);

        WeekAssessment current = report.weeks().get(report.weeks().size() - 1);
        assertTrue(current.inProgress());
        assertFalse(current.setback());
        assertEquals(Band.IN_PROGRESS, current.band());
        if (!current.evidence().rule().equals(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE)) {
            ClinicalStatus before = report.weeks().size() > 1 ? report.weeks().get(report.weeks().size() - 2).status()
                    : ClinicalStatus.NOT_ESTABLISHED;
            assertEquals(before, current.status());
        }
    }

    @Property
    void expectedOccurrencesNeverExceedTheSchedulesWeeklyMaximum(@ForAll("assignments") AssignmentRecord assignment) {
        int[] expected = ExpectedOccurrences.perWeek(assignment, FIRST_WEEK, WEEKS);
        for (int value : expected) {
            assertTrue(value >= 0 && value <= 7, "expected " + value);
        }
    }

    private static List<AssignmentWeek> aggregate(AssignmentRecord assignment, List<AttemptRecord> attempts) {
        return WeeklyCredit.aggregate(assignment, attempts, List.of(), TimeZoneHistory.of(ZONE), FIRST_WEEK, FIRST_WEEK.plusWeeks(WEEKS - 1), TODAY);
    }

    /** Null compliance means nothing expected. */
    private static List<ClientWeek> weeksOf(List<Double> compliance, boolean lastInProgress) {
        double[] values = new double[compliance.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = compliance.get(i) == null ? Fixtures.NOTHING : compliance.get(i);
        }
        return lastInProgress ? Fixtures.weeksEndingInProgress(FIRST_WEEK, values) : Fixtures.weeks(FIRST_WEEK, values);
    }

    @Provide
    Arbitrary<AssignmentRecord> assignments() {
        Arbitrary<ScheduleRule> schedules = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 7).map(ScheduleRule::timesPerWeek),
                Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).map(days -> ScheduleRule.daysOfWeek(EnumSet.copyOf(days))),
                Arbitraries.just(ScheduleRule.daily()),
                Arbitraries.integers().between(0, WEEKS * 7 - 1).map(day -> ScheduleRule.once(FIRST_MONDAY.plusDays(day))));
        Arbitrary<RevisionRecord> revisions = Combinators.combine(
                Arbitraries.integers().between(-7, WEEKS * 7),
                Arbitraries.of(RevisionRecord.Status.class),
                schedules).as((day, status, schedule) -> new RevisionRecord(FIRST_MONDAY.plusDays(day), status, schedule));
        return revisions.list().ofMinSize(1).ofMaxSize(4)
                .map(list -> new AssignmentRecord(ASSIGNMENT_ID, list, null, null));
    }

    @Provide
    Arbitrary<Instant> moments() {
        Instant start = FIRST_MONDAY.atStartOfDay(ZONE).toInstant();
        return Arbitraries.longs().between(0, Duration.ofDays(WEEKS * 7L).toSeconds() - 1).map(start::plusSeconds);
    }

    @Provide
    Arbitrary<List<AttemptRecord>> attempts() {
        Arbitrary<AttemptRecord> attempt = Combinators.combine(
                moments(),
                Arbitraries.of(AttemptRecord.Outcome.class),
                Arbitraries.doubles().between(0, 1).injectNull(0.3)).as((moment, outcome, fraction) ->
                        new AttemptRecord(ASSIGNMENT_ID, moment, outcome, outcome == AttemptRecord.Outcome.PARTIAL ? fraction : null,
                                null, null, null, null, null));
        return attempt.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Double>> complianceSeries() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, 0.2, 0.49, 0.5, 0.79, 0.8, 1.0),
                Arbitraries.doubles().between(0, 1))
                .injectNull(0.1)
                .list().ofMinSize(1).ofMaxSize(26);
    }

    @Provide
    Arbitrary<List<SymptomScore>> phq9Series() {
        Arbitrary<SymptomScore> measurement = Combinators.combine(
                Arbitraries.integers().between(0, 27),
                Arbitraries.integers().between(0, 26 * 7 - 1))
                .as((score, day) -> Fixtures.phq9(score, FIRST_MONDAY.plusDays(day)));
        return measurement.list().ofMaxSize(8);
    }
}
