package com.homeworkapi.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.homeworkapi.assignment.Assignment;
import com.homeworkapi.assignment.AssignmentRepository;
import com.homeworkapi.assignment.AssignmentResponse;
import com.homeworkapi.assignment.AssignmentStatus;
import com.homeworkapi.attempt.Attempt;
import com.homeworkapi.attempt.AttemptRepository;
import com.homeworkapi.attempt.AttemptRequest;
import com.homeworkapi.attempt.AttemptResponse;
import com.homeworkapi.attempt.AttemptService;
import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.JsonProblems;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.goal.Goal;
import com.homeworkapi.goal.GoalRepository;
import com.homeworkapi.goal.GoalResponse;
import com.homeworkapi.goal.GoalService;
import com.homeworkapi.goal.GoalStatus;
import com.homeworkapi.observability.DomainMetrics;
import com.homeworkapi.security.Caller;
import com.homeworkapi.security.Roles;
import com.homeworkapi.sync.ChangeEntry.EntityType;
import com.homeworkapi.sync.ChangeLogRepository.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client's change feed: a snapshot of its current goals, assignments and attempts first, then
 * every change since, each object at most once per page in its current state. And the clinic-wide
 * feed for integrations and admins: every logged change of the clinic, in the same order.
 *
 * <p>A page is read in one transaction, as every database access is (the transaction names the
 * clinic to row-level security). At read committed each statement still reads with a fresh
 * snapshot, and the log query bounds itself by its own snapshot's xmin (see
 * {@link ChangeLogRepository}).
 */
@ApplicationScoped
@Transactional
public class SyncService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** The snapshot's order: what an entry refers to (goals, then assignments) comes before it. */
    private static final List<EntityType> SNAPSHOT_ORDER =
            List.of(EntityType.GOAL, EntityType.ASSIGNMENT, EntityType.ATTEMPT);

    @Inject
    ChangeLogRepository changeLog;

    @Inject
    GoalRepository goals;

    @Inject
    GoalService goalService;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AttemptRepository attempts;

    @Inject
    AttemptService attemptService;

    @Inject
    ObjectMapper json;

    @Inject
    ClientService clients;

    @Inject
    Caller caller;

    @Inject
    CursorCodec cursors;

    @Inject
    DomainMetrics metrics;

    @Inject
    AuditDetails auditDetails;

    /**
     * Stores a batch of attempts an app logged offline. Each item gets its own result (created,
     * duplicate or rejected), and a rejected item does not hold back the others: not even one
     * whose JSON cannot be read as an attempt.
     */
    public SyncAttemptsResponse syncAttempts(SyncAttemptsRequest request) {
        List<JsonNode> items = request.attempts();
        SyncAttemptsResponse.Result[] results = new SyncAttemptsResponse.Result[items.size()];
        List<AttemptService.BatchItem> readable = new ArrayList<>();
        List<Integer> readableIndexes = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            if (!(item instanceof ObjectNode attempt)) {
                results[index] = SyncAttemptsResponse.Result.rejected(index, null,
                        ApiProblem.invalid("", "must be an attempt (a JSON object)").toProblemAt(itemPath(index)));
                continue;
            }
            try {
                readable.add(batchItem(attempt));
                readableIndexes.add(index);
            } catch (JsonProcessingException unreadable) {
                results[index] = SyncAttemptsResponse.Result.rejected(index, readableId(attempt),
                        JsonProblems.ofPart(unreadable).toProblemAt(itemPath(index)));
            }
        }
        List<AttemptService.BatchResult> logged = attemptService.logAttempts(readable);
        for (int position = 0; position < logged.size(); position++) {
            int index = readableIndexes.get(position);
            results[index] = SyncAttemptsResponse.Result.of(index, readable.get(position).attempt().id(),
                    logged.get(position), itemPath(index));
        }
        countResults(results);
        return new SyncAttemptsResponse(List.of(results));
    }

    /** Counted once the attempt service's transaction has committed the batch. */
    private void countResults(SyncAttemptsResponse.Result[] results) {
        long created = 0;
        for (SyncAttemptsResponse.Result result : results) {
            metrics.syncItem(switch (result.status()) {
                case CREATED -> DomainMetrics.SyncResult.CREATED;
                case DUPLICATE -> DomainMetrics.SyncResult.DUPLICATE;
                case REJECTED -> DomainMetrics.SyncResult.REJECTED;
            });
            created += result.status() == SyncAttemptsResponse.Status.CREATED ? 1 : 0;
        }
        metrics.attemptsStored(DomainMetrics.AttemptSource.BATCH, created);
    }

    /**
     * Reads an item with the service's own JSON settings, as the single POST reads its body: the
     * attempt that POST takes, and the assignment it takes from its path.
     */
    private AttemptService.BatchItem batchItem(ObjectNode item) throws JsonProcessingException {
        JsonNode assignmentId = item.remove("assignmentId");
        AttemptRequest attempt = json.treeToValue(item, AttemptRequest.class);
        try {
            return new AttemptService.BatchItem(json.treeToValue(assignmentId, UUID.class), attempt);
        } catch (JsonProcessingException unreadable) {
            // Read on its own, the value's path starts at itself; named here as in the item.
            throw JsonMappingException.wrapWithPath(unreadable, item, "assignmentId");
        }
    }

    /** The id of an item that cannot be read whole, for its result; null when the id cannot be read either. */
    private UUID readableId(ObjectNode item) {
        try {
            return json.treeToValue(item.get("id"), UUID.class);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    private static String itemPath(int index) {
        return "attempts[" + index + "]";
    }

    /**
     * One page of a client's feed, or with neither {@code clientId} nor a client token, of the
     * clinic-wide feed (integration and admin tokens only).
     */
    public ChangesPage listChanges(String clientIdParameter, String cursorParameter, String limitParameter) {
        int limit = PageRequest.parseLimit(limitParameter, DEFAULT_LIMIT, MAX_LIMIT);
        boolean fresh = cursorParameter == null || cursorParameter.isBlank();
        Optional<UUID> clientId = clientId(clientIdParameter);
        if (clientId.isEmpty()) {
            return clinicChangesPage(fresh ? null : cursorParameter, limit);
        }
        Client client = clients.findVisible(clientId.get());
        if (fresh) {
            // Taken before the snapshot reads anything, so the changes phase starts early enough.
            long horizon = changeLog.horizon();
            return snapshotPage(client, ChangeCursor.snapshot(client.clinicId, client.id, horizon, 0, null), limit);
        }
        ChangeCursor cursor = cursors.decode(cursorParameter, client.clinicId, client.id);
        return switch (cursor.phase()) {
            case SNAPSHOT -> snapshotPage(client, cursor, limit);
            case CHANGES -> changesPage(client, cursor, limit);
        };
    }

    /**
     * Whether a request without {@code clientId} reads the clinic-wide feed: only an integration's
     * or an admin's token does (a client token reads its own feed, and a clinician must name the
     * client). The resource asks before the request's first statement, to take a heavy read's turn.
     */
    public boolean readsClinicWide(String clientIdParameter) {
        return (clientIdParameter == null || clientIdParameter.isBlank()) && caller.ownClientId().isEmpty()
                && mayReadClinicWide();
    }

    private boolean mayReadClinicWide() {
        return caller.hasRole(Roles.INTEGRATION) || caller.hasRole(Roles.ADMIN);
    }

    /**
     * The client named, or for a client token its own client (the parameter may repeat it);
     * empty for the clinic-wide feed. A clinician must name one.
     */
    private Optional<UUID> clientId(String parameter) {
        UUID named = null;
        if (parameter != null && !parameter.isBlank()) {
            try {
                named = UUID.fromString(parameter.trim());
            } catch (IllegalArgumentException notAUuid) {
                throw ApiProblem.invalid("clientId", "must be a UUID");
            }
        }
        UUID own = caller.ownClientId().orElse(null);
        if (own != null) {
            // Another client's id is answered as if it did not exist, by findVisible.
            return Optional.of(named == null ? own : named);
        }
        if (named == null && !mayReadClinicWide()) {
            throw ApiProblem.invalid("clientId", "is required for clinician tokens: the clinic-wide feed"
                    + " (without clientId) is for integration and admin tokens");
        }
        return Optional.ofNullable(named);
    }

    /**
     * A page of every change of the caller's clinic, in (txid, seq) order, with the same bound as
     * one client's changes (see {@link ChangeLogRepository}). There is no snapshot: without a
     * cursor the feed starts at the oldest logged change. Audited like a clinic report, with the
     * number of clients the page covers.
     */
    private ChangesPage clinicChangesPage(String cursorParameter, int limit) {
        UUID clinicId = caller.clinicId();
        String callerKey = CursorCodec.callerKey(caller.subject());
        ClinicChangeCursor cursor = cursorParameter == null ? ClinicChangeCursor.start(clinicId, callerKey)
                : cursors.decodeClinic(cursorParameter, clinicId, callerKey);
        List<Change> read = changeLog.settledInClinicAfter(clinicId, cursor.txid(), cursor.seq(), limit + 1);
        boolean more = read.size() > limit;
        List<Change> page = more ? read.subList(0, limit) : read;
        auditDetails.coveredClients((int) page.stream().map(Change::clientId).distinct().count());
        if (page.isEmpty()) {
            return new ChangesPage(List.of(), cursors.encode(cursor), false);
        }
        Change last = page.get(page.size() - 1);
        return new ChangesPage(entries(clinicId, page), cursors.encode(cursor.after(last.txid(), last.seq())), more);
    }

    private ChangesPage snapshotPage(Client client, ChangeCursor cursor, int limit) {
        List<ChangeEntry> items = new ArrayList<>();
        for (int type = cursor.snapshotType(); type < SNAPSHOT_ORDER.size(); type++) {
            UUID after = type == cursor.snapshotType() ? cursor.afterId() : null;
            int room = limit - items.size();
            // One row beyond the room tells whether this type goes on.
            List<ChangeEntry> read = snapshotOf(client, SNAPSHOT_ORDER.get(type), after, room + 1);
            if (read.size() > room) {
                List<ChangeEntry> shown = read.subList(0, room);
                items.addAll(shown);
                UUID lastId = shown.isEmpty() ? null : shown.get(shown.size() - 1).id();
                ChangeCursor next = ChangeCursor.snapshot(client.clinicId, client.id, cursor.txid(), type, lastId);
                return new ChangesPage(items, cursors.encode(next), true);
            }
            items.addAll(read);
        }
        long horizon = cursor.txid();
        boolean changedMeanwhile = changeLog.hasSettledSince(client.clinicId, client.id, horizon);
        return new ChangesPage(items,
                cursors.encode(ChangeCursor.changesFrom(client.clinicId, client.id, horizon)), changedMeanwhile);
    }

    private List<ChangeEntry> snapshotOf(Client client, EntityType type, UUID after, int limit) {
        return switch (type) {
            case GOAL -> {
                List<Goal> rows = goals.listCurrentForSync(client.clinicId, client.id, after, limit);
                List<GoalResponse> responses = goalService.responses(client, rows);
                yield responses.stream()
                        .map(goal -> ChangeEntry.upsert(type, goal.id(), client.id, goal.updatedAt(), goal)).toList();
            }
            case ASSIGNMENT -> assignments.listCurrentForSync(client.clinicId, client.id, after, limit).stream()
                    .map(AssignmentResponse::from)
                    .map(assignment -> ChangeEntry.upsert(type, assignment.id(), client.id, assignment.updatedAt(),
                            assignment))
                    .toList();
            case ATTEMPT -> attempts.listForSync(client.clinicId, client.id, after, limit).stream()
                    .map(AttemptResponse::from)
                    .map(attempt -> ChangeEntry.upsert(type, attempt.id(), client.id, attempt.receivedAt(), attempt))
                    .toList();
        };
    }

    private ChangesPage changesPage(Client client, ChangeCursor cursor, int limit) {
        List<Change> read = changeLog.settledAfter(client.clinicId, client.id, cursor.txid(), cursor.seq(),
                limit + 1);
        boolean more = read.size() > limit;
        List<Change> page = more ? read.subList(0, limit) : read;
        if (page.isEmpty()) {
            return new ChangesPage(List.of(), cursors.encode(cursor), false);
        }
        Change last = page.get(page.size() - 1);
        ChangeCursor next = ChangeCursor.changesAfter(client.clinicId, client.id, last.txid(), last.seq());
        return new ChangesPage(entries(client.clinicId, page), cursors.encode(next), more);
    }

    /** The newest change of each object in the page, in the order of those newest changes, with its current state. */
    private List<ChangeEntry> entries(UUID clinicId, List<Change> page) {
        Map<Key, Change> newest = new LinkedHashMap<>();
        for (Change change : page) {
            Key key = new Key(EntityType.of(change.entityType()), change.entityId());
            newest.remove(key);
            newest.put(key, change);
        }
        Current current = load(clinicId, newest.keySet());
        List<ChangeEntry> items = new ArrayList<>();
        newest.forEach((key, change) -> {
            ChangeEntry entry = current.entry(key, change);
            if (entry != null) {
                items.add(entry);
            }
        });
        return items;
    }

    /**
     * Loads the changed objects of one page, of one client or of many: one query per type, never
     * one per object (goals are scored once per client, for their achievement status).
     */
    private Current load(UUID clinicId, Set<Key> keys) {
        Map<EntityType, List<UUID>> ids = keys.stream().collect(Collectors.groupingBy(Key::type,
                Collectors.mapping(Key::id, Collectors.toList())));
        List<UUID> goalIds = ids.getOrDefault(EntityType.GOAL, List.of());
        List<UUID> assignmentIds = ids.getOrDefault(EntityType.ASSIGNMENT, List.of());
        List<UUID> attemptIds = ids.getOrDefault(EntityType.ATTEMPT, List.of());
        List<Goal> goalRows = goalIds.isEmpty() ? List.of() : goals.listByIdsInClinic(clinicId, goalIds);
        List<Assignment> assignmentRows = assignmentIds.isEmpty() ? List.of()
                : assignments.listByIdsInClinic(clinicId, assignmentIds);
        List<Attempt> attemptRows = attempts.findAllInClinic(clinicId, attemptIds);
        return new Current(
                byId(goalService.responsesInClinic(goalRows), GoalResponse::id),
                byId(assignmentRows.stream().map(AssignmentResponse::from).toList(), AssignmentResponse::id),
                byId(attemptRows.stream().map(AttemptResponse::from).toList(), AttemptResponse::id));
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private record Key(EntityType type, UUID id) {
    }

    private record Current(Map<UUID, GoalResponse> goals, Map<UUID, AssignmentResponse> assignments,
            Map<UUID, AttemptResponse> attempts) {

        /** The entry for the object's current state; a cancelled goal or assignment is a tombstone. */
        ChangeEntry entry(Key key, Change change) {
            Object data = switch (key.type()) {
                case GOAL -> goals.get(key.id());
                case ASSIGNMENT -> assignments.get(key.id());
                case ATTEMPT -> attempts.get(key.id());
            };
            if (data == null) {
                // Rows are never deleted, so this cannot happen; skipping beats failing the feed.
                return null;
            }
            boolean cancelled = data instanceof GoalResponse goal && goal.status() == GoalStatus.CANCELLED
                    || data instanceof AssignmentResponse assignment
                            && assignment.status() == AssignmentStatus.CANCELLED;
            return cancelled ? ChangeEntry.tombstone(key.type(), key.id(), change.clientId(), change.changedAt())
                    : ChangeEntry.upsert(key.type(), key.id(), change.clientId(), change.changedAt(), data);
        }
    }
}
