package com.homeworkapi.review;

import com.homeworkapi.attempt.Obstacle;
import com.homeworkapi.attempt.ObstaclesConverter;
import com.homeworkapi.common.ClientOwned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A clinician's review of one ISO week of a client's homework. Reviews are never edited; a
 * second review of the same week is kept beside the first and scoring counts every rating.
 */
@Entity
@Table(name = "review")
public class Review extends ClientOwned {

    /** The Monday of the reviewed ISO week. */
    @Column(name = "week_start", nullable = false, updatable = false)
    public LocalDate weekStart;

    @ElementCollection
    @CollectionTable(name = "review_item", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    public List<ReviewItem> items = new ArrayList<>();

    /** What got in the way of the week's homework. */
    @Convert(converter = ObstaclesConverter.class)
    @Column(nullable = false, updatable = false)
    public List<Obstacle> obstacles;

    @Column(name = "obstacles_note", updatable = false)
    public String obstaclesNote;

    @Column(name = "next_week_changes", updatable = false)
    public String nextWeekChanges;

    /** The {@code sub} of the token that wrote the review. */
    @Column(name = "reviewer_id", nullable = false, updatable = false)
    public String reviewerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
