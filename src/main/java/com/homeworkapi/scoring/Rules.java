package com.homeworkapi.scoring;

/** Names of the rules that can fire, as they appear in {@link Evidence#rule()}. */
public final class Rules {

    /** No completed week yet to judge. */
    public static final String NO_WEEKS = "no_weeks";
    /** Fewer than engagementWeeks weeks at adequate or better so far: low weeks are not slips yet. */
    public static final String NOT_ESTABLISHED_BEFORE_ENGAGEMENT = "not_established_before_engagement";
    /** This week brought the count of adequate weeks to engagementWeeks. */
    public static final String ENGAGEMENT_ESTABLISHED = "engagement_established";
    /** An ended week at adequate or better with no setback episode open. */
    public static final String ON_TRACK_ADEQUATE_WEEK = "on_track_adequate_week";
    /**
     * A slip: a setback run shorter than atRiskWeeks while symptoms are still reliably better than
     * baseline, not yet followed up, or not measured. (A run that reaches atRiskWeeks is at risk
     * even with symptom gains, so the slip's limit is atRiskWeeks, not relapseWeeks.)
     */
    public static final String SETBACK_RUN_BELOW_AT_RISK_WEEKS = "setback_run_below_at_risk_weeks";
    /** A setback run shorter than atRiskWeeks while measured symptoms are not reliably better than baseline. */
    public static final String SETBACK_WITHOUT_SYMPTOM_GAINS = "setback_without_symptom_gains";
    /** A setback run of atRiskWeeks or more, not yet relapseWeeks. */
    public static final String SETBACK_RUN_REACHES_AT_RISK_WEEKS = "setback_run_reaches_at_risk_weeks";
    /** A setback run of relapseWeeks or more. */
    public static final String SETBACK_RUN_REACHES_RELAPSE_WEEKS = "setback_run_reaches_relapse_weeks";
    /** A responded client's scores are back on consecutive measurements spanning the required days. */
    public static final String SYMPTOM_RELAPSE_AFTER_RESPONSE = "symptom_relapse_after_response";
    /** Back at adequate after a setback episode, for fewer than recoveringWeeks weeks. */
    public static final String BACK_AT_ADEQUATE_AFTER_SETBACK = "back_at_adequate_after_setback";
    /** Back at adequate for recoveringWeeks weeks after a setback episode. */
    public static final String RECOVERED_AFTER_SETBACK = "recovered_after_setback";
    /** Nothing was expected and nothing worsened: the previous status stands. */
    public static final String NOTHING_EXPECTED_CARRIES_STATUS = "nothing_expected_carries_status";
    /** The week has not ended: never a setback, the previous status stands. */
    public static final String IN_PROGRESS_CARRIES_STATUS = "in_progress_carries_status";

    /** Why a week is a setback week. */
    public static final String SETBACK_LOW_COMPLIANCE = "setback_low_compliance";
    public static final String SETBACK_SYMPTOM_WORSENING = "setback_symptom_worsening_from_best";

    /** Symptom figures of one instrument. */
    public static final String SYMPTOM_SUMMARY = "symptom_summary";
    /** A slip episode that ended with a return to adequate. */
    public static final String SLIP_RESOLVED = "slip_resolved";
    /** A setback episode that ended with a return to adequate. */
    public static final String SETBACK_EPISODE_RESOLVED = "setback_episode_resolved";
    /** A setback episode still open at the last week. */
    public static final String SETBACK_EPISODE_OPEN = "setback_episode_open";

    private Rules() {
    }
}
