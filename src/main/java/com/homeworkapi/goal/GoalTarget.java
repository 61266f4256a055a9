package com.homeworkapi.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What reaching the goal looks like; every part is optional. */
@Embeddable
public class GoalTarget {

    @Column(name = "target_description")
    public String description;

    @Column(name = "target_instrument")
    public String instrument;

    @Column(name = "target_value", precision = 12, scale = 3)
    public BigDecimal value;

    @Column(name = "target_due_date")
    public LocalDate dueDate;
}
