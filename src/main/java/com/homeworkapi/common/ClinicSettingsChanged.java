package com.homeworkapi.common;

import java.util.UUID;

/** Fired inside the writing transaction when a clinic's scoring settings or instruments change. */
public record ClinicSettingsChanged(UUID clinicId) {
}
