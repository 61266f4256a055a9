package com.homeworkapi.scoring;

import java.time.LocalDate;

/** One symptom score on a standardised instrument, identified by its code (e.g. "phq9"). */
public record SymptomScore(String instrumentCode, double score, LocalDate date) {

    public SymptomScore {
        if (instrumentCode == null || date == null) {
            throw new IllegalArgumentException("instrumentCode and date are required");
        }
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("score must be a finite number");
        }
    }
}
