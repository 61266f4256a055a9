package com.homeworkapi.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a result is what it is: the rule that fired, the weeks and their compliance
 * (aligned by index, null where nothing was expected), the scores, and the thresholds in force.
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
        weeks = List.copyOf(weeks);
        // Compliance may hold nulls (nothing expected), which List.copyOf rejects.
        compliance = Collections.unmodifiableList(new ArrayList<>(compliance));
        scores = List.copyOf(scores);
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        if (weeks.size() != compliance.size()) {
            throw new IllegalArgumentException("weeks and compliance must align");
        }
    }
}
