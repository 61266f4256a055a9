package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One instrument's measurements in date order, with the questions the classifier asks of
 * them answered as of any date. The first measurement is the baseline.
 */
public final class SymptomHistory {

    private final Instrument instrument;
    private final ScoringSettings settings;
    private final List<SymptomScore> measurements;
    private final List<SymptomRelapse> relapses;
    private final Map<String, Double> thresholds;
    /** Per measurement, which relapse criterion it met; filled while relapses are found. */
    private boolean[] backOnClinicalSide;
    private boolean[] gainsLost;

    public SymptomHistory(Instrument instrument, List<SymptomScore> measurements, ScoringSettings settings) {
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("a symptom history needs at least one measurement");
        }
        this.instrument = instrument;
        this.settings = settings;
        List<SymptomScore> ordered = new ArrayList<>(measurements.size());
        for (SymptomScore measurement : measurements) {
            if (!measurement.instrumentCode().equals(instrument.code())) {
                throw new IllegalArgumentException("measurement of " + measurement.instrumentCode() + " given to " + instrument.code());
            }
            instrument.requireInRange(measurement.score());
            ordered.add(measurement);
        }
        ordered.sort(Comparator.comparing(SymptomScore::date));
        this.measurements = List.copyOf(ordered);
        this.thresholds = thresholdsOf(instrument, settings);
        this.relapses = findRelapses();
    }

    public Instrument instrument() {
        return instrument;
    }

    public List<SymptomScore> measurements() {
        return measurements;
    }

    public SymptomScore baseline() {
        return measurements.get(0);
    }

    public List<SymptomRelapse> relapses() {
        return relapses;
    }

    /** The thresholds of this instrument and the symptom rule, as carried in evidence. */
    public Map<String, Double> thresholds() {
        return thresholds;
    }

    public boolean isReliablyBetterThanBaseline(double score) {
        double baselineScore = baseline().score();
        double gain = instrument.improvement(baselineScore, score);
        return gain > 0 && instrument.isReliableChange(gain, baselineScore);
    }

    /**
     * Whether the newest measurement up to {@code date} is reliably better than baseline;
     * null when there is no follow-up by then, so there is nothing to judge yet.
     */
    public Boolean reliablyBetterThanBaselineAsOf(LocalDate date) {
        int latest = lastIndexOnOrBefore(date);
        return latest < 1 ? null : isReliablyBetterThanBaseline(measurements.get(latest).score());
    }

    public SymptomScore latestOnOrBefore(LocalDate date) {
        int latest = lastIndexOnOrBefore(date);
        return latest < 0 ? null : measurements.get(latest);
    }

    /**
     * The newest measurement dated within {@code from..to} if it is a reliable worsening from
     * the best score before it, else null.
     */
    public SymptomScore worseningFromBestWithin(LocalDate from, LocalDate to) {
        int newest = lastIndexOnOrBefore(to);
        if (newest < 1 || measurements.get(newest).date().isBefore(from)) {
            return null;
        }
        double best = bestScoreBefore(newest);
        double worsening = -instrument.improvement(best, measurements.get(newest).score());
        return worsening > 0 && instrument.isReliableChange(worsening, baseline().score()) ? measurements.get(newest) : null;
    }

    /** The best measurement before index {@code index}, the earliest of equals. */
    public SymptomScore bestBefore(int index) {
        SymptomScore best = measurements.get(0);
        for (int i = 1; i < index; i++) {
            if (instrument.isBetter(measurements.get(i).score(), best.score())) {
                best = measurements.get(i);
            }
        }
        return best;
    }

    public SymptomRelapse relapseActiveOn(LocalDate date) {
        for (SymptomRelapse relapse : relapses) {
            if (relapse.activeOn(date)) {
                return relapse;
            }
        }
        return null;
    }

    /** Baseline, best and latest figures as of the latest measurement. */
    public SymptomSummary summary() {
        SymptomScore baseline = baseline();
        SymptomScore latest = measurements.get(measurements.size() - 1);
        SymptomScore best = bestBefore(measurements.size());
        double improvement = instrument.improvement(baseline.score(), latest.score());
        boolean responded = false;
        for (int i = 1; i < measurements.size(); i++) {
            double score = measurements.get(i).score();
            responded |= !instrument.isClinical(score) || isReliablyBetterThanBaseline(score);
        }
        double worseningFromBest = -instrument.improvement(best.score(), latest.score());
        boolean reliableWorsening = worseningFromBest > 0 && instrument.isReliableChange(worseningFromBest, baseline.score());
        double gains = instrument.improvement(baseline.score(), best.score());
        Double retained = gains > 0 ? improvement / gains : null;
        Boolean response = instrument.responsePercent() == null || baseline.score() == 0
                ? null
                : improvement / Math.abs(baseline.score()) * 100 >= instrument.responsePercent();
        Evidence evidence = new Evidence(Rules.SYMPTOM_SUMMARY,
                instrument.code() + ": baseline " + Instrument.format(baseline.score()) + ", best "
                        + Instrument.format(best.score()) + ", latest " + Instrument.format(latest.score()) + ", "
                        + instrument.sideOfThreshold(latest.score())
                        + (retained == null ? ", no gains yet" : String.format(Locale.ROOT, ", %.0f%% of gains held", retained * 100)),
                List.of(), List.of(), List.of(baseline, best, latest), thresholds);
        return new SymptomSummary(instrument.code(), measurements.size(), baseline, best, latest, improvement,
                isReliablyBetterThanBaseline(latest.score()), responded,
                !instrument.isClinical(latest.score()), response, reliableWorsening, retained, relapses, evidence);
    }

    private double bestScoreBefore(int index) {
        return bestBefore(index).score();
    }

    private int lastIndexOnOrBefore(LocalDate date) {
        int found = -1;
        for (int i = 0; i < measurements.size() && !measurements.get(i).date().isAfter(date); i++) {
            found = i;
        }
        return found;
    }

    /**
     * A responded client relapses when consecutive measurements are "back": on the clinical side
     * of the threshold (at or above it on a lower-is-better scale, at or below it on the others)
     * after having been off it, or no longer reliably better than baseline after having been so.
     * "Back" and "no longer" both presuppose the earlier state, so each criterion applies only
     * once its own kind of response happened.
     */
    private List<SymptomRelapse> findRelapses() {
        List<SymptomRelapse> found = new ArrayList<>();
        boolean hadNonClinicalScore = false;
        boolean hadReliableImprovement = false;
        backOnClinicalSide = new boolean[measurements.size()];
        gainsLost = new boolean[measurements.size()];
        int runStart = -1;
        LocalDate onset = null;
        for (int i = 1; i < measurements.size(); i++) {
            double score = measurements.get(i).score();
            backOnClinicalSide[i] = hadNonClinicalScore && instrument.isClinical(score);
            gainsLost[i] = hadReliableImprovement && !isReliablyBetterThanBaseline(score);
            if (backOnClinicalSide[i] || gainsLost[i]) {
                if (runStart < 0) {
                    runStart = i;
                }
                long spanDays = measurements.get(i).date().toEpochDay() - measurements.get(runStart).date().toEpochDay();
                if (onset == null && i - runStart + 1 >= settings.symptomRelapseMeasurements()
                        && spanDays >= settings.symptomRelapseDays()) {
                    onset = measurements.get(i).date();
                }
            } else {
                if (onset != null) {
                    found.add(relapse(runStart, i - 1, onset, measurements.get(i).date()));
                    onset = null;
                }
                runStart = -1;
            }
            hadNonClinicalScore |= !instrument.isClinical(score);
            hadReliableImprovement |= isReliablyBetterThanBaseline(score);
        }
        if (onset != null) {
            found.add(relapse(runStart, measurements.size() - 1, onset, null));
        }
        return List.copyOf(found);
    }

    private SymptomRelapse relapse(int first, int last, LocalDate onset, LocalDate ended) {
        List<SymptomScore> run = new ArrayList<>(measurements.subList(first, last + 1));
        run.add(0, baseline());
        boolean allBackOnClinicalSide = true;
        boolean allGainsLost = true;
        for (int i = first; i <= last; i++) {
            allBackOnClinicalSide &= backOnClinicalSide[i];
            allGainsLost &= gainsLost[i];
        }
        String back = "back " + instrument.clinicalSide();
        String lost = "no longer reliably better than the baseline " + Instrument.format(baseline().score());
        // Each measurement of the run met at least one criterion; say which held throughout.
        String criteria = allBackOnClinicalSide && allGainsLost ? back + " and " + lost
                : allBackOnClinicalSide ? back : allGainsLost ? lost : back + " or " + lost;
        Evidence evidence = new Evidence(Rules.SYMPTOM_RELAPSE_AFTER_RESPONSE,
                String.format(Locale.ROOT, "%s %s on %d consecutive measurements from %s to %s", instrument.code(), criteria,
                        last - first + 1, measurements.get(first).date(), measurements.get(last).date()),
                List.of(), List.of(), run, thresholds);
        return new SymptomRelapse(instrument.code(), onset, ended, run.subList(1, run.size()), evidence);
    }

    private static Map<String, Double> thresholdsOf(Instrument instrument, ScoringSettings settings) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        String prefix = instrument.code() + ".";
        thresholds.put(prefix + "threshold", instrument.threshold());
        if (instrument.reliableChangePoints() != null) {
            thresholds.put(prefix + "reliableChangePoints", instrument.reliableChangePoints());
        }
        if (instrument.standardDeviation() != null) {
            thresholds.put(prefix + "standardDeviation", instrument.standardDeviation());
            thresholds.put(prefix + "reliability", instrument.reliability());
            thresholds.put(prefix + "jacobsonTruaxCritical", ReliableChange.JACOBSON_TRUAX_CRITICAL);
        }
        if (instrument.responsePercent() != null) {
            thresholds.put(prefix + "responsePercent", instrument.responsePercent());
        }
        thresholds.put("symptomRelapseMeasurements", (double) settings.symptomRelapseMeasurements());
        thresholds.put("symptomRelapseDays", (double) settings.symptomRelapseDays());
        return Collections.unmodifiableMap(thresholds);
    }
}
