package com.homeworkapi.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A symptom instrument and the figures that make its scores interpretable.
 *
 * <p>{@code threshold} is the first clinical score in the worse direction: for a
 * lower-is-better scale a score at or above it is clinical, below it is not (PHQ-9 10,
 * GAD-7 8, Y-BOCS 13 so that remission is 12 or less).
 *
 * <p>Reliable change is judged by the first criterion the instrument gives:
 * {@code reliableChangePoints} (a change of at least that many points); else
 * Jacobson-Truax from {@code standardDeviation} and {@code reliability} (|RC| > 1.96);
 * else {@code responsePercent} of the baseline score (Y-BOCS: a 35% drop is a response).
 *
 * <p>Words about the threshold come from here ({@link #clinicalSide()}, {@link #sideOfThreshold}),
 * so that every explanation reads right for scales in either direction.
 */
public record Instrument(
        String code,
        double min,
        double max,
        double threshold,
        boolean lowerIsBetter,
        Double reliableChangePoints,
        Double responsePercent,
        Double standardDeviation,
        Double reliability) {

    public static final Instrument PHQ9 = new Instrument("phq9", 0, 27, 10, true, 6.0, null, null, null);
    public static final Instrument GAD7 = new Instrument("gad7", 0, 21, 8, true, 4.0, null, null, null);
    /** Mataix-Cols et al. 2016: response is a 35% drop, remission 12 or less, relapse back at 13 or more. */
    public static final Instrument YBOCS = new Instrument("ybocs", 0, 40, 13, true, null, 35.0, null, null);

    public static final List<Instrument> BUILT_IN = List.of(PHQ9, GAD7, YBOCS);

    public Instrument {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("instrument code is required");
        }
        if (!(min < max) || threshold < min || threshold > max) {
            throw new IllegalArgumentException("need min < max and threshold within them for " + code);
        }
        if (reliableChangePoints != null && !(reliableChangePoints > 0)) {
            throw new IllegalArgumentException("reliableChangePoints must be positive for " + code);
        }
        if (responsePercent != null && !(responsePercent > 0 && responsePercent <= 100)) {
            throw new IllegalArgumentException("responsePercent must be in (0, 100] for " + code);
        }
        if ((standardDeviation == null) != (reliability == null)) {
            throw new IllegalArgumentException("standardDeviation and reliability go together for " + code);
        }
        if (standardDeviation != null && !(standardDeviation > 0 && reliability >= 0 && reliability < 1)) {
            throw new IllegalArgumentException("need standardDeviation > 0 and 0 <= reliability < 1 for " + code);
        }
    }

    /** The built-in instruments plus the clinic's own, by code; a clinic's own replaces a built-in of the same code. */
    public static Map<String, Instrument> catalogue(List<Instrument> clinicInstruments) {
        Map<String, Instrument> byCode = new HashMap<>(
                BUILT_IN.stream().collect(Collectors.toMap(Instrument::code, Function.identity())));
        for (Instrument instrument : clinicInstruments) {
            byCode.put(instrument.code(), instrument);
        }
        return Map.copyOf(byCode);
    }

    /** A score as people write it: 10 or 12.5, never 10.0. */
    public static String format(double score) {
        return score == Math.rint(score) && Math.abs(score) < 1e15 ? Long.toString((long) score)
                : BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
    }

    /** The clinical side of the threshold: "at or above 10" on a lower-is-better scale, "at or below 40" on the others. */
    public String clinicalSide() {
        return (lowerIsBetter ? "at or above " : "at or below ") + format(threshold);
    }

    /** Where {@code score} lies, e.g. "below the threshold 10 (not clinical)" or "at or below the threshold 40 (clinical)". */
    public String sideOfThreshold(double score) {
        boolean clinical = isClinical(score);
        String side = lowerIsBetter ? (clinical ? "at or above" : "below") : (clinical ? "at or below" : "above");
        return side + " the threshold " + format(threshold) + (clinical ? " (clinical)" : " (not clinical)");
    }

    /** Whether {@code score} lies on the clinical side of the threshold. */
    public boolean isClinical(double score) {
        return lowerIsBetter ? score >= threshold : score <= threshold;
    }

    /** Improvement from {@code from} to {@code to} in points; negative for a worsening. */
    public double improvement(double from, double to) {
        return lowerIsBetter ? from - to : to - from;
    }

    /** Whether {@code a} is a better score than {@code b}. */
    public boolean isBetter(double a, double b) {
        return improvement(b, a) > 0;
    }

    /**
     * Whether a change of {@code points} in one direction is reliable. {@code baseline}
     * is only used by percent-based instruments, whose reliable change is a share of it.
     */
    public boolean isReliableChange(double points, double baseline) {
        double magnitude = Math.abs(points);
        if (magnitude == 0) {
            return false;
        }
        if (reliableChangePoints != null) {
            return magnitude >= reliableChangePoints;
        }
        if (standardDeviation != null) {
            return Math.abs(ReliableChange.jacobsonTruax(0, magnitude, standardDeviation, reliability))
                    > ReliableChange.JACOBSON_TRUAX_CRITICAL;
        }
        if (responsePercent != null) {
            return magnitude >= responsePercent / 100.0 * Math.abs(baseline);
        }
        return false;
    }

    /** The rule used for reliable change, named as it appears in evidence. */
    public String reliableChangeCriterion() {
        if (reliableChangePoints != null) {
            return "points";
        }
        if (standardDeviation != null) {
            return "jacobson_truax";
        }
        return responsePercent != null ? "percent_of_baseline" : "none";
    }

    public void requireInRange(double score) {
        if (score < min || score > max) {
            throw new IllegalArgumentException(code + " score must be " + min + ".." + max + ", was " + score);
        }
    }
}
