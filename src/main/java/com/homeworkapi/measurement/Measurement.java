package com.homeworkapi.measurement;

import com.homeworkapi.common.ClientOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One symptom score on an instrument; measurements are never edited. */
@Entity
@Table(name = "measurement")
public class Measurement extends ClientOwned {

    /** The instrument's code: a built-in one such as phq9, or one of the clinic's own. */
    @Column(nullable = false, updatable = false)
    public String instrument;

    @Column(nullable = false, updatable = false)
    public double score;

    /** The client's local date the instrument was filled in; symptom rules count days from it. */
    @Column(name = "measured_on", nullable = false, updatable = false)
    public LocalDate measuredOn;

    @Column(updatable = false)
    public String note;

    /** The answer to each item (PHQ-9 and GAD-7 only), in the questionnaire's order; null when sent as a total. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "item_answers", updatable = false)
    public List<Short> itemAnswers;

    /** PHQ-9 item 9 answered above 0: the clinic's safety protocol is to look at this client. */
    @Column(name = "safety_flag", nullable = false, updatable = false)
    public boolean safetyFlag;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
