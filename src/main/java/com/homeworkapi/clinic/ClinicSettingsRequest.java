package com.homeworkapi.clinic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole of a clinic's scoring settings; PUT replaces all of it, so every part is required. */
public record ClinicSettingsRequest(
        @NotNull @Valid Compliance compliance,
        @NotNull @Valid Weeks weeks,
        @NotNull @Valid SymptomRelapse symptomRelapse,
        @NotNull @Size(max = 50) List<@Valid @NotNull InstrumentDefinition> instruments) {

    /** The compliance lines of the bands: met at or above {@code met}, adequate at or above {@code adequate}. */
    public record Compliance(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double met,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double adequate) {
    }

    public record Weeks(
            @NotNull @Min(0) @Max(52) Integer engagement,
            @NotNull @Min(1) @Max(52) Integer atRisk,
            @NotNull @Min(1) @Max(52) Integer relapse,
            @NotNull @Min(1) @Max(52) Integer recovering) {
    }

    public record SymptomRelapse(
            @NotNull @Min(1) @Max(20) Integer measurements,
            @NotNull @Min(0) @Max(365) Integer spanDays) {
    }

    /** A clinic's own instrument; the built-in ones cannot be sent. */
    public record InstrumentDefinition(
            @NotNull @Pattern(regexp = "[a-z0-9_]{2,32}",
                    message = "must be 2 to 32 lowercase letters, digits or underscores") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull @DecimalMin("-1000000") @DecimalMax("1000000") Double min,
            @NotNull @DecimalMin("-1000000") @DecimalMax("1000000") Double max,
            @NotNull @DecimalMin("-1000000") @DecimalMax("1000000") Double threshold,
            @NotNull Boolean lowerIsBetter,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000000") Double reliableChangePoints,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double responsePercent) {
    }
}
