package com.homeworkapi.attempt;

import com.homeworkapi.scoring.Attempt.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps attempts into the scoring module's records. */
@ApplicationScoped
public class AttemptScoringInputs {

    @Inject
    AttemptRepository attempts;

    /** Every attempt of these clients, by client; one query for many clients. */
    public Map<UUID, List<com.homeworkapi.scoring.Attempt>> byClient(UUID clinicId, Collection<UUID> clientIds) {
        Map<UUID, List<com.homeworkapi.scoring.Attempt>> byClient = new HashMap<>();
        for (AttemptRepository.ScoringRow row : attempts.scoringRows(clinicId, clientIds)) {
            byClient.computeIfAbsent(row.clientId(), id -> new ArrayList<>()).add(toScoring(row));
        }
        return byClient;
    }

    /** One client's attempts that occurred in [from, to). */
    public List<com.homeworkapi.scoring.Attempt> ofClientBetween(UUID clinicId, UUID clientId, Instant from,
            Instant to) {
        return attempts.scoringRowsBetween(clinicId, clientId, from, to).stream()
                .map(AttemptScoringInputs::toScoring)
                .toList();
    }

    private static com.homeworkapi.scoring.Attempt toScoring(AttemptRepository.ScoringRow row) {
        Outcome outcome = switch (row.outcome()) {
            case COMPLETED -> Outcome.COMPLETED;
            case PARTIAL -> Outcome.PARTIAL;
            case SKIPPED -> Outcome.SKIPPED;
        };
        com.homeworkapi.scoring.Rater rater = row.qualityRater() == null ? null
                : row.qualityRater() == Rater.CLIENT ? com.homeworkapi.scoring.Rater.CLIENT
                        : com.homeworkapi.scoring.Rater.CLINICIAN;
        return new com.homeworkapi.scoring.Attempt(row.assignmentId(), row.occurredAt(), outcome, row.completion(),
                row.qualityRating(), rater, row.sudsBefore(), row.sudsPeak(), row.sudsAfter());
    }
}
