package com.homeworkapi.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * A symptom relapse on one instrument: from the measurement that completed the rule until
 * the first measurement no longer worse (null while it lasts).
 */
public record SymptomRelapse(String instrumentCode, LocalDate onset, LocalDate ended, List<SymptomScore> measurements, Evidence evidence) {

    public SymptomRelapse {
        measurements = List.copyOf(measurements);
    }

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(onset) && (ended == null || date.isBefore(ended));
    }
}
