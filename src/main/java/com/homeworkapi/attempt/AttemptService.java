package com.homeworkapi.attempt;

import com.homeworkapi.assignment.AssignmentOwner;
import com.homeworkapi.assignment.AssignmentService;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.Dates;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class AttemptService {

    /** Phones' clocks drift; an attempt a little in the future is a clock, not a typo. */
    static final Duration CLOCK_SKEW_ALLOWED = Duration.ofMinutes(5);

    @Inject
    AttemptRepository attempts;

    @Inject
    AssignmentService assignments;

    @Inject
    ClientService clients;

    @Inject
    Caller caller;

    @Inject
    Event<ClientDataChanged> clientDataChanged;

    @Inject
    AuditDetails auditDetails;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    /** The stored attempt and whether this request stored it (false: a retry of one already stored). */
    public record Logged(AttemptResponse attempt, boolean created) {
    }

    public Logged logAttempt(UUID assignmentId, AttemptRequest request) {
        AssignmentOwner assignment = assignments.findVisibleOwner(assignmentId);
        Instant now = Instants.now(clock);
        checkFields(request, now);
        requireOwnRater(request);
        Attempt attempt = newAttempt(assignment, request, request.id() == null ? UUID.randomUUID() : request.id(), now);
        if (attempts.insertIfAbsent(attempt)) {
            clientDataChanged.fire(new ClientDataChanged(attempt.clinicId, attempt.clientId));
            return new Logged(AttemptResponse.from(attempt), true);
        }
        // The id is taken: a retry of the same attempt is answered with what was stored.
        Attempt stored = attempts.findInClinic(assignment.clinicId(), attempt.id)
                .filter(existing -> sameContent(existing, attempt))
                .orElseThrow(AttemptService::idTaken);
        return new Logged(AttemptResponse.from(stored), false);
    }

    /**
     * One attempt of a batch: the attempt as the single POST takes it in its body, and the
     * assignment that POST takes from its path.
     */
    public record BatchItem(@NotNull UUID assignmentId, AttemptRequest attempt) {
    }

    /** What became of one item: stored now, a retry of one stored before, or refused with a problem. */
    public record BatchResult(AttemptResponse attempt, boolean created, ApiProblem problem) {

        static BatchResult rejected(ApiProblem problem) {
            return new BatchResult(null, false, problem);
        }
    }

    /**
     * Stores many attempts, each exactly as {@link #logAttempt} would: the same checks in the
     * same order, the same answer for a retry. A rejected item does not hold back the others.
     * The work is done in bulk (one query for the assignments, one insert, one read of the ids
     * that were taken, one change event per client), as a phone coming back online may send
     * hundreds at once and retry them all.
     *
     * @param items attempts as sent; one without an id or an assignment is rejected (400)
     * @return one result per item, in the order given
     */
    public List<BatchResult> logAttempts(List<BatchItem> items) {
        Instant now = Instants.now(clock);
        BatchResult[] results = new BatchResult[items.size()];
        Set<UUID> assignmentIds = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            // Everything wrong with the item at once, named as in the single POST's body.
            Set<ConstraintViolation<?>> violations = new HashSet<>(validator.validate(items.get(index)));
            violations.addAll(validator.validate(items.get(index).attempt(), Default.class,
                    AttemptRequest.InBatch.class));
            if (!violations.isEmpty()) {
                results[index] = BatchResult.rejected(ApiProblem.invalid(violations));
            } else {
                assignmentIds.add(items.get(index).assignmentId());
            }
        }
        Map<UUID, AssignmentOwner> visible = assignments.findAllVisibleOwners(assignmentIds);
        auditDetails.touchedClients(visible.values().stream().map(AssignmentOwner::clientId).sorted().toList());

        Attempt[] candidates = new Attempt[items.size()];
        Map<UUID, Attempt> firstOfId = new LinkedHashMap<>();
        for (int index = 0; index < items.size(); index++) {
            if (results[index] != null) {
                continue;
            }
            BatchItem item = items.get(index);
            AssignmentOwner assignment = visible.get(item.assignmentId());
            if (assignment == null) {
                results[index] = BatchResult.rejected(ApiProblem.notFound("assignment"));
                continue;
            }
            try {
                checkFields(item.attempt(), now);
                requireOwnRater(item.attempt());
            } catch (ApiProblem invalid) {
                results[index] = BatchResult.rejected(invalid);
                continue;
            }
            candidates[index] = newAttempt(assignment, item.attempt(), item.attempt().id(), now);
            firstOfId.putIfAbsent(candidates[index].id, candidates[index]);
        }

        Set<UUID> inserted = attempts.insertAllIfAbsent(firstOfId.values());
        Set<UUID> taken = new HashSet<>(firstOfId.keySet());
        taken.removeAll(inserted);
        Map<UUID, Attempt> stored = new HashMap<>();
        attempts.findAllInClinic(caller.clinicId(), taken).forEach(attempt -> stored.put(attempt.id, attempt));

        for (int index = 0; index < items.size(); index++) {
            Attempt candidate = candidates[index];
            if (candidate == null) {
                continue;
            }
            Attempt first = firstOfId.get(candidate.id);
            Attempt existing = inserted.contains(candidate.id) ? first : stored.get(candidate.id);
            if (candidate == first && inserted.contains(candidate.id)) {
                results[index] = new BatchResult(AttemptResponse.from(candidate), true, null);
            } else if (existing != null && sameContent(existing, candidate)) {
                results[index] = new BatchResult(AttemptResponse.from(existing), false, null);
            } else {
                results[index] = BatchResult.rejected(idTaken());
            }
        }
        // Scores go stale once per client, in a fixed order so concurrent batches lock alike.
        firstOfId.values().stream()
                .filter(attempt -> inserted.contains(attempt.id))
                .map(attempt -> attempt.clientId)
                .distinct()
                .sorted()
                .forEach(clientId -> clientDataChanged.fire(new ClientDataChanged(caller.clinicId(), clientId)));
        return List.of(results);
    }

    public AttemptResponse getAttempt(UUID attemptId) {
        return attempts.findInClinic(caller.clinicId(), attemptId)
                .filter(attempt -> caller.canSee(attempt.clientId))
                .map(AttemptResponse::from)
                .orElseThrow(() -> ApiProblem.notFound("attempt"));
    }

    public Page<AttemptResponse> listAssignmentAttempts(UUID assignmentId, PageRequest page) {
        AssignmentOwner assignment = assignments.findVisibleOwner(assignmentId);
        return page(attempts.listForAssignment(assignment.clinicId(), assignment.assignmentId(), page), page);
    }

    public Page<AttemptResponse> listClientAttempts(UUID clientId, String from, String to, PageRequest page) {
        UUID visibleClientId = clients.findVisible(clientId).id;
        Instant fromInstant = Dates.parseInstant("from", from);
        Instant toInstant = Dates.parseInstant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        return page(attempts.listForClient(caller.clinicId(), visibleClientId, fromInstant, toInstant, null, null,
                page), page);
    }

    /**
     * The client's attempts that occurred in [from, to) and reached the server in
     * [receivedFrom, receivedBefore) (FHIR's {@code date} and {@code _lastUpdated}); any bound may be null.
     */
    public Page<AttemptResponse> listClientAttempts(UUID clientId, Instant from, Instant to, Instant receivedFrom,
            Instant receivedBefore, PageRequest page) {
        UUID visibleClientId = clients.findVisible(clientId).id;
        return page(attempts.listForClient(caller.clinicId(), visibleClientId, from, to, receivedFrom,
                receivedBefore, page), page);
    }

    private static Page<AttemptResponse> page(List<Attempt> rows, PageRequest page) {
        return Page.of(rows, page, attempt -> attempt.occurredAt, attempt -> attempt.id, AttemptResponse::from);
    }

    /** Quality is reported by who rated it, so a client's own token cannot rate as the clinician. */
    private void requireOwnRater(AttemptRequest request) {
        if (caller.ownClientId().isPresent() && request.quality() != null
                && request.quality().rater() != Rater.CLIENT) {
            throw ApiProblem.invalid("quality.rater", "must be client when a client logs its own attempt");
        }
    }

    private static ApiProblem idTaken() {
        return ApiProblem.conflict(
                "An attempt with this id exists with other content; send a new id for a new attempt.");
    }

    /** The attempt as it is stored, normalised as {@link AttemptContent} says. */
    private static Attempt newAttempt(AssignmentOwner assignment, AttemptRequest request, UUID id, Instant now) {
        Attempt attempt = new Attempt();
        attempt.id = id;
        attempt.clinicId = assignment.clinicId();
        attempt.clientId = assignment.clientId();
        attempt.receivedAt = now;
        AttemptContent.of(assignment.assignmentId(), request).copyTo(attempt);
        return attempt;
    }

    /** Two sends with one id are the same attempt only if they say the same thing. */
    private static boolean sameContent(Attempt stored, Attempt sent) {
        return AttemptContent.of(stored).equals(AttemptContent.of(sent));
    }

    private static void checkFields(AttemptRequest request, Instant now) {
        if (request.occurredAt().toInstant().isAfter(now.plus(CLOCK_SKEW_ALLOWED))) {
            throw ApiProblem.invalid("occurredAt", "must not be more than 5 minutes in the future");
        }
        if (request.completion() != null && request.outcome() != AttemptOutcome.PARTIAL) {
            throw ApiProblem.invalid("completion", "applies only to partial attempts");
        }
    }
}
