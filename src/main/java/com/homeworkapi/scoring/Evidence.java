package com.homeworkapi.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a result is what it is: the rule that fired, the weeks and their compliance
 * (aligned by index, null where nothing was expected), the scores, and the thresholds in force.
 * Weeks and scores are each listed once, in the order first given: a score that is at once
 * the baseline and the best, or the latest and the one that made a week a setback, is one
 * figure, not two.
 */
public record Evidence(
        String rule,
        String explanation,
        List<IsoWeek> weeks,
        List<Double> compliance,
        List<SymptomScore> scores,
        Map<String, Double> thresholds) {

    public Evidence {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("evidence must name its rule");
        }
        if (weeks.size() != compliance.size()) {
            throw new IllegalArgumentException("weeks and compliance must align");
        }
        // Most evidence is about one week and no score: nothing to make distinct then.
        Set<IsoWeek> seen = weeks.size() > 1 ? new HashSet<>() : null;
        List<IsoWeek> distinctWeeks = new ArrayList<>(weeks.size());
        // Compliance may hold nulls (nothing expected), which List.copyOf rejects.
        List<Double> alignedCompliance = new ArrayList<>(weeks.size());
        for (int i = 0; i < weeks.size(); i++) {
            if (seen == null || seen.add(weeks.get(i))) {
                distinctWeeks.add(weeks.get(i));
                alignedCompliance.add(compliance.get(i));
            }
        }
        weeks = List.copyOf(distinctWeeks);
        compliance = Collections.unmodifiableList(alignedCompliance);
        scores = scores.isEmpty() ? List.of() : List.copyOf(new LinkedHashSet<>(scores));
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }
}
