package com.homeworkapi.scoring;

/** Mean quality (0-4) of a week per rater and combined; null where nobody rated. */
public record WeekQuality(Double client, Double clinician, Double combined, int clientRatings, int clinicianRatings) {
}
