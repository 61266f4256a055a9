package com.homeworkapi.scoring;

/**
 * Running sums of quality ratings per rater. Sums rather than means so that weekly rows
 * kept in a database can be updated one rating at a time and added across assignments.
 */
public record QualitySums(double clientSum, int clientCount, double clinicianSum, int clinicianCount) {

    public static final QualitySums NONE = new QualitySums(0, 0, 0, 0);

    public QualitySums {
        if (clientCount < 0 || clinicianCount < 0) {
            throw new IllegalArgumentException("rating counts must not be negative");
        }
    }

    public QualitySums withRating(QualityRater rater, int rating) {
        return rater == QualityRater.CLIENT
                ? new QualitySums(clientSum + rating, clientCount + 1, clinicianSum, clinicianCount)
                : new QualitySums(clientSum, clientCount, clinicianSum + rating, clinicianCount + 1);
    }

    public QualitySums plus(QualitySums other) {
        return new QualitySums(clientSum + other.clientSum, clientCount + other.clientCount,
                clinicianSum + other.clinicianSum, clinicianCount + other.clinicianCount);
    }

    public Double clientMean() {
        return clientCount == 0 ? null : clientSum / clientCount;
    }

    public Double clinicianMean() {
        return clinicianCount == 0 ? null : clinicianSum / clinicianCount;
    }

    /** Mean of the two raters' means, so that many client ratings do not drown one review. */
    public Double combinedMean() {
        Double client = clientMean();
        Double clinician = clinicianMean();
        if (client == null) {
            return clinician;
        }
        return clinician == null ? client : (client + clinician) / 2;
    }

    public WeekQuality toWeekQuality() {
        return new WeekQuality(clientMean(), clinicianMean(), combinedMean(), clientCount, clinicianCount);
    }
}
