package com.homeworkapi.score;

import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Scores a client once and tells the achievement status of each of its goals from that score. */
@ApplicationScoped
public class GoalAchievements {

    @Inject
    ClientScores scores;

    public ForClient forClient(UUID clinicId, UUID clientId) {
        return new ForClient(scores.scoreNow(clinicId, clientId), scores.instruments(clinicId));
    }

    public record ForClient(ClientScoreReport report, Map<String, Instrument> instruments) {

        public AchievementStatus completed() {
            return AchievementStatus.completed(report);
        }

        public AchievementStatus towards(String targetInstrument, BigDecimal targetValue) {
            return AchievementStatus.forTarget(report, instruments, targetInstrument, targetValue);
        }
    }
}
