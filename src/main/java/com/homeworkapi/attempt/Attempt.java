package com.homeworkapi.attempt;

import com.homeworkapi.common.ClientOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt at an assignment, as the client logged it; attempts are never edited. */
@Entity
@Table(name = "attempt")
public class Attempt extends ClientOwned {

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;

    /** When the client practised; compliance counts the attempt in this week. */
    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    /** When the server got it, which for an offline phone can be days later. */
    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AttemptOutcome outcome;

    public Double completion;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    @Column(name = "suds_before")
    public Integer sudsBefore;

    @Column(name = "suds_peak")
    public Integer sudsPeak;

    @Column(name = "suds_after")
    public Integer sudsAfter;

    @Column(name = "quality_rating")
    public Integer qualityRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "quality_rater")
    public Rater qualityRater;

    @Convert(converter = ObstaclesConverter.class)
    @Column(nullable = false)
    public List<Obstacle> obstacles;

    public String note;
}
