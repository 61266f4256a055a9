package com.homeworkapi.review;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** The clinician's quality rating (0-4) of one assignment's homework in the reviewed week. */
@Embeddable
public class ReviewItem {

    // Stored with the item so the database can keep the assignment in the review's clinic.
    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;

    @Column(nullable = false)
    public int quality;

    public String note;

    protected ReviewItem() {
    }

    public ReviewItem(UUID clinicId, UUID assignmentId, int quality, String note) {
        this.clinicId = clinicId;
        this.assignmentId = assignmentId;
        this.quality = quality;
        this.note = note;
    }
}
