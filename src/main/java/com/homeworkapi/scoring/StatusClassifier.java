package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Step (c): classifies a series of client weeks, plus symptom measurements, into week
 * assessments, setback episodes and a current status. It only needs the weekly figures, so
 * it runs equally on weeks computed from attempts and on weekly rows kept in a database.
 *
 * <p>Weeks are walked in order once. Weeks with nothing expected neither extend nor break
 * a run of setback weeks, so a planned break does not reset or inflate the count.
 */
public final class StatusClassifier {

    private StatusClassifier() {
    }

    /**
     * @param weeks        client weeks in ascending order, ideally ending with the current week; missing weeks count as nothing expected
     * @param measurements symptom scores of any instruments in {@code instruments}
     * @param instruments  the instrument catalogue by code, e.g. {@link Instrument#catalogue}
     */
    public static ClientStatusReport classify(
            List<ClientWeek> weeks,
            List<SymptomScore> measurements,
            Map<String, Instrument> instruments,
            ScoringSettings settings) {
        return new Walk(histories(measurements, instruments, settings), settings).run(withGapsFilled(weeks));
    }

    /** Groups measurements by instrument, in first-seen order. */
    private static List<SymptomHistory> histories(List<SymptomScore> measurements, Map<String, Instrument> instruments, ScoringSettings settings) {
        Map<String, List<SymptomScore>> byCode = new LinkedHashMap<>();
        for (SymptomScore measurement : measurements) {
            if (!instruments.containsKey(measurement.instrumentCode())) {
                throw new IllegalArgumentException("unknown instrument " + measurement.instrumentCode());
            }
            byCode.computeIfAbsent(measurement.instrumentCode(), code -> new ArrayList<>()).add(measurement);
        }
        List<SymptomHistory> histories = new ArrayList<>(byCode.size());
        byCode.forEach((code, scores) -> histories.add(new SymptomHistory(instruments.get(code), scores, settings)));
        return histories;
    }

    private static List<ClientWeek> withGapsFilled(List<ClientWeek> weeks) {
        List<ClientWeek> series = new ArrayList<>(weeks.size());
        for (ClientWeek week : weeks) {
            if (!series.isEmpty()) {
                IsoWeek previous = series.get(series.size() - 1).week();
                if (week.week().compareTo(previous) <= 0) {
                    throw new IllegalArgumentException("weeks must be strictly ascending: " + week.week() + " after " + previous);
                }
                for (IsoWeek gap = previous.next(); gap.compareTo(week.week()) < 0; gap = gap.next()) {
                    series.add(ClientWeek.ended(gap, 0, 0));
                }
            }
            series.add(week);
        }
        for (int i = 0; i < series.size() - 1; i++) {
            if (series.get(i).inProgress()) {
                throw new IllegalArgumentException("only the last week can be in progress, not " + series.get(i).week());
            }
        }
        return series;
    }

    /** The state carried from one week to the next. */
    private static final class Walk {
        private final List<SymptomHistory> histories;
        private final ScoringSettings settings;
        private final Map<String, Double> thresholds;

        private final List<WeekAssessment> assessed = new ArrayList<>();
        private final List<SetbackEpisode> episodes = new ArrayList<>();
        private final List<IsoWeek> runWeeks = new ArrayList<>();
        private final List<Double> runCompliance = new ArrayList<>();
        private final List<SymptomScore> runScores = new ArrayList<>();
        private final List<IsoWeek> episodeWeeks = new ArrayList<>();
        private final List<Double> episodeCompliance = new ArrayList<>();
        /**
         * Compliance as explanations print it, by value. String.format was the costliest step of
         * assessing a week, and most weeks repeat a value (every week met in full is 1.00).
         */
        private final Map<Double, String> complianceText = new HashMap<>();

        private int adequateWeeks;
        private ClinicalStatus episodeWorst;
        private int weeksBack;
        private ClinicalStatus previousStatus = ClinicalStatus.NOT_ESTABLISHED;

        Walk(List<SymptomHistory> histories, ScoringSettings settings) {
            this.histories = histories;
            this.settings = settings;
            Map<String, Double> all = new LinkedHashMap<>(settings.asThresholds());
            histories.forEach(history -> all.putAll(history.thresholds()));
            this.thresholds = all;
        }

        ClientStatusReport run(List<ClientWeek> series) {
            for (ClientWeek week : series) {
                assessed.add(assess(week));
            }
            if (episodeWorst != null) {
                episodes.add(episode(null));
            }
            List<SymptomSummary> symptoms = new ArrayList<>(histories.size());
            histories.forEach(history -> symptoms.add(history.summary()));
            boolean remission = symptoms.stream().anyMatch(SymptomSummary::hasFollowUp)
                    && symptoms.stream().allMatch(SymptomSummary::belowThreshold);
            boolean engaged = adequateWeeks >= settings.engagementWeeks();
            if (assessed.isEmpty()) {
                Evidence none = evidence(Rules.NO_WEEKS, "no weeks to judge yet", List.of(), List.of(), List.of());
                return new ClientStatusReport(ClinicalStatus.NOT_ESTABLISHED,
                        ClinicalStatus.NOT_ESTABLISHED.fhirAchievementStatus(remission), none, engaged, 0, assessed, episodes,
                        symptoms);
            }
            WeekAssessment current = assessed.get(assessed.size() - 1);
            return new ClientStatusReport(current.status(), current.status().fhirAchievementStatus(remission),
                    statusEvidence(assessed), engaged, runWeeks.size(), assessed, episodes, symptoms);
        }

        /**
         * The evidence of the week whose rule set the current status: a week in progress or
         * with nothing expected only carries the status on, and would explain nothing.
         */
        private static Evidence statusEvidence(List<WeekAssessment> assessed) {
            for (int i = assessed.size() - 1; i >= 0; i--) {
                String rule = assessed.get(i).evidence().rule();
                if (!rule.equals(Rules.IN_PROGRESS_CARRIES_STATUS) && !rule.equals(Rules.NOTHING_EXPECTED_CARRIES_STATUS)) {
                    return assessed.get(i).evidence();
                }
            }
            return assessed.get(assessed.size() - 1).evidence();
        }

        private WeekAssessment assess(ClientWeek week) {
            IsoWeek isoWeek = week.week();
            LocalDate monday = isoWeek.monday();
            LocalDate sunday = isoWeek.sunday();
            Double compliance = week.compliance();
            Band band = week.inProgress() ? Band.IN_PROGRESS
                    : compliance == null ? Band.NOTHING_EXPECTED : settings.band(compliance);
            SymptomScore worsening = week.inProgress() ? null : worseningWithin(monday, sunday);
            boolean setback = !week.inProgress() && (band == Band.LOW || worsening != null);
            String setbackReason = !setback ? null
                    : band == Band.LOW ? Rules.SETBACK_LOW_COMPLIANCE : Rules.SETBACK_SYMPTOM_WORSENING;

            boolean justEngaged = false;
            if (band.isAdequateOrBetter()) {
                adequateWeeks++;
                justEngaged = adequateWeeks == settings.engagementWeeks();
            }
            boolean engaged = adequateWeeks >= settings.engagementWeeks();
            if (engaged && setback) {
                runWeeks.add(isoWeek);
                runCompliance.add(compliance);
                if (worsening != null) {
                    runScores.add(worsening);
                }
            } else if (band.isAdequateOrBetter()) {
                runWeeks.clear();
                runCompliance.clear();
                runScores.clear();
            }

            ClinicalStatus status;
            Evidence evidence;
            SymptomRelapse symptomRelapse = relapseActiveOn(sunday);
            if (symptomRelapse != null) {
                status = ClinicalStatus.RELAPSE;
                evidence = new Evidence(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE, symptomRelapse.evidence().explanation(),
                        List.of(isoWeek), listOf(compliance), symptomRelapse.evidence().scores(), thresholds);
                joinEpisode(status, isoWeek, compliance);
            } else if (week.inProgress()) {
                status = previousStatus;
                evidence = evidence(Rules.IN_PROGRESS_CARRIES_STATUS,
                        String.format(Locale.ROOT, "week in progress: %.1f of %d expected so far (%d for the whole week); status stays %s",
                                week.countedCredit(), week.expected(), week.expectedWholeWeek(), status.code()),
                        List.of(isoWeek), listOf(compliance), List.of());
            } else if (!engaged) {
                status = ClinicalStatus.NOT_ESTABLISHED;
                evidence = evidence(Rules.NOT_ESTABLISHED_BEFORE_ENGAGEMENT,
                        adequateWeeks + " of " + settings.engagementWeeks() + " weeks at adequate or better so far",
                        List.of(isoWeek), listOf(compliance), worsening == null ? List.of() : List.of(worsening));
            } else if (setback) {
                status = classifySetbackRun(sunday);
                evidence = setbackRunEvidence(status, sunday);
                joinEpisode(status, isoWeek, compliance);
            } else if (band == Band.NOTHING_EXPECTED) {
                status = previousStatus;
                evidence = evidence(Rules.NOTHING_EXPECTED_CARRIES_STATUS,
                        "nothing was expected this week; status stays " + status.code(),
                        List.of(isoWeek), listOf(compliance), List.of());
            } else {
                if (episodeWorst != null) {
                    episodes.add(episode(isoWeek));
                    episodeWorst = null;
                    episodeWeeks.clear();
                    episodeCompliance.clear();
                    weeksBack = 1;
                } else if (weeksBack > 0) {
                    weeksBack++;
                }
                if (weeksBack > 0 && weeksBack < settings.recoveringWeeks()) {
                    status = ClinicalStatus.RECOVERING;
                    evidence = evidence(Rules.BACK_AT_ADEQUATE_AFTER_SETBACK,
                            "back at adequate or better for " + weeksBack + " of " + settings.recoveringWeeks()
                                    + " weeks after a setback",
                            List.of(isoWeek), listOf(compliance), List.of());
                } else if (weeksBack > 0) {
                    weeksBack = 0;
                    status = ClinicalStatus.ON_TRACK;
                    evidence = evidence(Rules.RECOVERED_AFTER_SETBACK,
                            "back at adequate or better for " + settings.recoveringWeeks() + " weeks after a setback",
                            List.of(isoWeek), listOf(compliance), List.of());
                } else {
                    status = ClinicalStatus.ON_TRACK;
                    evidence = evidence(justEngaged ? Rules.ENGAGEMENT_ESTABLISHED : Rules.ON_TRACK_ADEQUATE_WEEK,
                            "compliance " + complianceText(compliance) + " is " + band.code(),
                            List.of(isoWeek), listOf(compliance), List.of());
                }
            }
            previousStatus = status;
            return new WeekAssessment(isoWeek, week.inProgress(), week.expected(), week.expectedWholeWeek(),
                    week.countedCredit(), week.extraPractice(), compliance, band, week.quality().toWeekQuality(),
                    setback, setbackReason, status, evidence);
        }

        /** Two decimals, as "%.2f" prints them. */
        private String complianceText(Double compliance) {
            return complianceText.computeIfAbsent(compliance, value -> String.format(Locale.ROOT, "%.2f", value));
        }

        private ClinicalStatus classifySetbackRun(LocalDate asOf) {
            int run = runWeeks.size();
            if (run >= settings.relapseWeeks()) {
                return ClinicalStatus.RELAPSE;
            }
            if (run >= settings.atRiskWeeks()) {
                return ClinicalStatus.AT_RISK;
            }
            return symptomsStillBetter(asOf) ? ClinicalStatus.SLIP : ClinicalStatus.AT_RISK;
        }

        private Evidence setbackRunEvidence(ClinicalStatus status, LocalDate asOf) {
            int run = runWeeks.size();
            List<SymptomScore> scores = new ArrayList<>(runScores);
            for (SymptomHistory history : histories) {
                SymptomScore latest = history.latestOnOrBefore(asOf);
                if (latest != null) {
                    scores.add(history.baseline());
                    if (latest != history.baseline()) {
                        scores.add(latest);
                    }
                }
            }
            String rule;
            String explanation;
            if (status == ClinicalStatus.RELAPSE) {
                rule = Rules.SETBACK_RUN_REACHES_RELAPSE_WEEKS;
                explanation = String.format(Locale.ROOT, "%d setback weeks in a row, relapse at %d", run, settings.relapseWeeks());
            } else if (run >= settings.atRiskWeeks()) {
                rule = Rules.SETBACK_RUN_REACHES_AT_RISK_WEEKS;
                explanation = String.format(Locale.ROOT, "%d setback weeks in a row: at risk from %d, relapse at %d",
                        run, settings.atRiskWeeks(), settings.relapseWeeks());
            } else if (status == ClinicalStatus.SLIP) {
                rule = Rules.SETBACK_RUN_BELOW_AT_RISK_WEEKS;
                explanation = String.format(Locale.ROOT, "%d setback week(s) in a row, fewer than the %d that make a client at risk, and symptoms %s",
                        run, settings.atRiskWeeks(), histories.isEmpty() ? "not measured" : "still reliably better than baseline or not yet followed up");
            } else {
                rule = Rules.SETBACK_WITHOUT_SYMPTOM_GAINS;
                explanation = String.format(Locale.ROOT,
                        "%d setback week(s) in a row, fewer than %d, but symptoms are not reliably better than baseline: at risk",
                        run, settings.atRiskWeeks());
            }
            return evidence(rule, explanation, runWeeks, runCompliance, scores);
        }

        /** True unless some instrument has a follow-up that is not reliably better than baseline. */
        private boolean symptomsStillBetter(LocalDate asOf) {
            for (SymptomHistory history : histories) {
                if (Boolean.FALSE.equals(history.reliablyBetterThanBaselineAsOf(asOf))) {
                    return false;
                }
            }
            return true;
        }

        private SymptomScore worseningWithin(LocalDate from, LocalDate to) {
            for (SymptomHistory history : histories) {
                SymptomScore worsening = history.worseningFromBestWithin(from, to);
                if (worsening != null) {
                    return worsening;
                }
            }
            return null;
        }

        private SymptomRelapse relapseActiveOn(LocalDate date) {
            for (SymptomHistory history : histories) {
                SymptomRelapse relapse = history.relapseActiveOn(date);
                if (relapse != null) {
                    return relapse;
                }
            }
            return null;
        }

        private void joinEpisode(ClinicalStatus status, IsoWeek week, Double compliance) {
            if (episodeWorst == null || status.setbackSeverity() > episodeWorst.setbackSeverity()) {
                episodeWorst = status;
            }
            episodeWeeks.add(week);
            episodeCompliance.add(compliance);
            weeksBack = 0;
        }

        private SetbackEpisode episode(IsoWeek resolvedWeek) {
            String rule = resolvedWeek == null ? Rules.SETBACK_EPISODE_OPEN
                    : episodeWorst == ClinicalStatus.SLIP ? Rules.SLIP_RESOLVED : Rules.SETBACK_EPISODE_RESOLVED;
            String explanation = episodeWorst.code() + " over " + episodeWeeks.size() + " week(s)"
                    + (resolvedWeek == null ? ", still open" : ", back at adequate in " + resolvedWeek);
            return new SetbackEpisode(episodeWorst, episodeWeeks,
                    resolvedWeek, evidence(rule, explanation, episodeWeeks, episodeCompliance, List.of()));
        }

        private Evidence evidence(String rule, String explanation, List<IsoWeek> weeks, List<Double> compliance, List<SymptomScore> scores) {
            return new Evidence(rule, explanation, weeks, compliance, scores, thresholds);
        }

        private static List<Double> listOf(Double compliance) {
            List<Double> single = new ArrayList<>(1);
            single.add(compliance);
            return single;
        }
    }
}
