package com.homeworkapi.compliance;

import com.homeworkapi.scoring.QualitySums;
import com.homeworkapi.scoring.WeekQuality;

/** Mean quality ratings (0-4) of a week by who rated them, and the mean of the two raters. */
public record QualityResponse(Double client, Double clinician, Double combined, int clientRatings,
        int clinicianRatings) {

    static QualityResponse from(WeekQuality quality) {
        return new QualityResponse(quality.client(), quality.clinician(), quality.combined(), quality.clientRatings(),
                quality.clinicianRatings());
    }

    static QualityResponse from(QualitySums sums) {
        return from(sums.toWeekQuality());
    }
}
