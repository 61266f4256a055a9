package com.homeworkapi.score;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** When kept scores are brought up to date: by a report itself, or in the background. */
@ConfigMapping(prefix = "homework.scores")
public interface ScoresConfig {

    /** How often the background refresh visits every clinic. */
    Duration refreshEvery();

    /**
     * A report rescores this many stale clients of its clinic, or fewer, before it answers;
     * with more it answers from the kept scores, each row marked stale or not, and the clinic
     * is rescored in the background.
     */
    int inlineRefreshMax();

    /**
     * Clients rescored per transaction in a refresh of more than that many: large enough for few
     * queries, small enough that the chunks in memory stay small.
     */
    int chunk();
}
