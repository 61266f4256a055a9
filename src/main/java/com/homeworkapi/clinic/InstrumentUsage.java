package com.homeworkapi.clinic;

import java.util.UUID;

/**
 * What the clinic's stored scores say about one of its instruments. The measurement feature
 * answers it, so that settings can refuse a change that would strand stored scores without
 * depending on that feature.
 */
public interface InstrumentUsage {

    boolean isUsed(UUID clinicId, String instrumentCode);

    /** Whether any stored score of the instrument lies outside [min, max]. */
    boolean hasScoresOutside(UUID clinicId, String instrumentCode, double min, double max);
}
