package com.homeworkapi.clinic;

import com.homeworkapi.scoring.Instrument;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An instrument a clinic defined itself, beside the built-in PHQ-9, GAD-7 and Y-BOCS. */
@Embeddable
public class ClinicInstrument {

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "min_score", nullable = false)
    public double min;

    @Column(name = "max_score", nullable = false)
    public double max;

    @Column(nullable = false)
    public double threshold;

    @Column(name = "lower_is_better", nullable = false)
    public boolean lowerIsBetter;

    @Column(name = "reliable_change_points")
    public Double reliableChangePoints;

    @Column(name = "response_percent")
    public Double responsePercent;

    public Instrument toInstrument() {
        return new Instrument(code, min, max, threshold, lowerIsBetter, reliableChangePoints, responsePercent, null,
                null);
    }
}
