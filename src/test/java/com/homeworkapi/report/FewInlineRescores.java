package com.homeworkapi.report;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Reports rescore at most {@link #INLINE_REFRESH_MAX} stale clients before they answer, so a
 * test clinic of a few clients is "large": its reports answer from the kept scores and the
 * clinic is rescored in the background.
 */
public class FewInlineRescores implements QuarkusTestProfile {

    static final int INLINE_REFRESH_MAX = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("homework.scores.inline-refresh-max", Integer.toString(INLINE_REFRESH_MAX));
    }
}
