package com.homeworkapi.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-clinic thresholds. The defaults are those of the scoring specification:
 * 0.5 follows Carroll et al. (half of the homework done predicts outcome), and the
 * four-week symptom span follows the OCD consensus month that screens out short flares.
 *
 * @param met                      compliance at or above which a week is {@code met}
 * @param adequate                 compliance at or above which a week is {@code adequate}
 * @param engagementWeeks          weeks at adequate or better before slips can be told
 * @param atRiskWeeks              setback weeks in a run that make a client at risk
 * @param relapseWeeks             setback weeks in a run that make a relapse
 * @param recoveringWeeks          a client back at adequate for fewer weeks than this is recovering
 * @param symptomRelapseMeasurements consecutive worse measurements needed for a symptom relapse
 * @param symptomRelapseDays       days those measurements must span at least
 */
public record ScoringSettings(
        double met,
        double adequate,
        int engagementWeeks,
        int atRiskWeeks,
        int relapseWeeks,
        int recoveringWeeks,
        int symptomRelapseMeasurements,
        int symptomRelapseDays) {

    public static final ScoringSettings DEFAULTS = new ScoringSettings(0.8, 0.5, 2, 2, 4, 2, 2, 28);

    public ScoringSettings {
        if (!(adequate > 0 && adequate <= met && met <= 1)) {
            throw new IllegalArgumentException("need 0 < adequate <= met <= 1, was adequate=" + adequate + " met=" + met);
        }
        if (engagementWeeks < 0 || recoveringWeeks < 1 || symptomRelapseMeasurements < 1 || symptomRelapseDays < 0) {
            throw new IllegalArgumentException("week and measurement counts must not be negative");
        }
        if (atRiskWeeks < 1 || relapseWeeks < atRiskWeeks) {
            throw new IllegalArgumentException("need 1 <= atRiskWeeks <= relapseWeeks, was " + atRiskWeeks + ", " + relapseWeeks);
        }
    }

    public ScoringSettings withCompliance(double metLine, double adequateLine) {
        return new ScoringSettings(metLine, adequateLine, engagementWeeks, atRiskWeeks, relapseWeeks, recoveringWeeks,
                symptomRelapseMeasurements, symptomRelapseDays);
    }

    public ScoringSettings withWeeks(int engagement, int atRisk, int relapse, int recovering) {
        return new ScoringSettings(met, adequate, engagement, atRisk, relapse, recovering,
                symptomRelapseMeasurements, symptomRelapseDays);
    }

    public Band band(double compliance) {
        if (compliance >= met) {
            return Band.MET;
        }
        return compliance >= adequate ? Band.ADEQUATE : Band.LOW;
    }

    /** The thresholds in force, as carried in every piece of evidence. */
    public Map<String, Double> asThresholds() {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put("met", met);
        thresholds.put("adequate", adequate);
        thresholds.put("engagementWeeks", (double) engagementWeeks);
        thresholds.put("atRiskWeeks", (double) atRiskWeeks);
        thresholds.put("relapseWeeks", (double) relapseWeeks);
        thresholds.put("recoveringWeeks", (double) recoveringWeeks);
        thresholds.put("symptomRelapseMeasurements", (double) symptomRelapseMeasurements);
        thresholds.put("symptomRelapseDays", (double) symptomRelapseDays);
        return Collections.unmodifiableMap(thresholds);
    }
}
