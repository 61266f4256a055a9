package com.homeworkapi.scoring;

import java.util.List;

/**
 * A run of setback weeks (or a symptom relapse) and how it ended.
 *
 * @param worst        the most serious status reached: slip, at_risk or relapse
 * @param weeks        the weeks classified as setbacks or relapse within the episode
 * @param resolvedWeek the first week back at adequate, null while the episode is open
 */
public record SetbackEpisode(ClinicalStatus worst, List<IsoWeek> weeks, IsoWeek resolvedWeek, Evidence evidence) {

    public SetbackEpisode {
        weeks = List.copyOf(weeks);
    }

    public boolean resolved() {
        return resolvedWeek != null;
    }

    /** A slip that ended with a return to adequate. */
    public boolean isResolvedSlip() {
        return worst == ClinicalStatus.SLIP && resolved();
    }
}
