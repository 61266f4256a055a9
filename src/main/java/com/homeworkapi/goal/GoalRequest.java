package com.homeworkapi.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a caller sends to create a goal or replace its fields. */
public record GoalRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        GoalStatus status,
        @Valid Target target,
        LocalDate startDate) {

    public record Target(
            @Size(max = 1000) String description,
            @Size(max = 64) String instrument,
            @DecimalMin("-999999") @DecimalMax("999999") @Digits(integer = 9, fraction = 3) BigDecimal value,
            LocalDate dueDate) {
    }
}
