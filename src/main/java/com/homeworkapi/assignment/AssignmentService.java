package com.homeworkapi.assignment;

import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.ETags;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.goal.GoalRepository;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class AssignmentService {

    private static final Set<AssignmentStatus> STARTING = EnumSet.of(AssignmentStatus.ACTIVE, AssignmentStatus.PAUSED);

    @Inject
    AssignmentRepository assignments;

    @Inject
    GoalRepository goals;

    @Inject
    ClientService clients;

    @Inject
    Caller caller;

    @Inject
    Event<ClientDataChanged> clientDataChanged;

    @Inject
    Clock clock;

    public Tagged<AssignmentResponse> createAssignment(UUID clientId, AssignmentRequest request) {
        Client client = clients.findVisible(clientId);
        if (request.effectiveDate() != null) {
            throw ApiProblem.invalid("effectiveDate", "applies only when an assignment is revised");
        }
        AssignmentStatus status = request.status() == null ? AssignmentStatus.ACTIVE : request.status();
        if (!STARTING.contains(status)) {
            throw ApiProblem.invalid("status", "must be active or paused for a new assignment");
        }
        Instant now = Instants.now(clock);
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.clinicId = client.clinicId;
        assignment.clientId = client.id;
        assignment.terms = terms(request, client, status, today(client));
        assignment.revision = 1;
        assignment.effectiveDate = assignment.terms.schedule().startDate();
        assignment.createdAt = now;
        assignment.updatedAt = now;
        assignments.persist(assignment);
        assignments.addRevision(AssignmentRevision.of(assignment, now));
        assignments.flush();
        clientDataChanged.fire(new ClientDataChanged(assignment.clinicId, assignment.clientId));
        return tagged(assignment);
    }

    public Page<AssignmentResponse> listAssignments(UUID clientId, AssignmentStatus status, PageRequest page) {
        UUID visibleClientId = clients.findVisible(clientId).id;
        List<Assignment> rows = assignments.listForClient(caller.clinicId(), visibleClientId, status, page);
        return Page.of(rows, page, assignment -> assignment.createdAt, assignment -> assignment.id,
                AssignmentResponse::from);
    }

    public Tagged<AssignmentResponse> getAssignment(UUID assignmentId) {
        return tagged(findVisible(assignmentId));
    }

    /**
     * Revises the assignment: new terms take effect on {@code effectiveDate} (default today in
     * the client's zone) and the old ones stay readable for the weeks before it.
     */
    public Tagged<AssignmentResponse> updateAssignment(UUID assignmentId, String ifMatch, AssignmentRequest request) {
        Assignment assignment = findVisible(assignmentId);
        ETags.requireMatch(ifMatch, assignment.version);
        if (request.status() == null) {
            throw ApiProblem.invalid("status", "is required when an assignment is revised");
        }
        requireAllowedTransition(assignment.terms.status(), request.status());
        Client client = clients.findVisible(assignment.clientId);
        AssignmentTerms revised = terms(request, client, request.status(), assignment.terms.schedule().startDate());
        if (revised.equals(assignment.terms)) {
            return tagged(assignment);
        }
        LocalDate effectiveDate = request.effectiveDate() != null ? request.effectiveDate()
                : latest(today(client), assignment.effectiveDate);
        if (effectiveDate.isBefore(assignment.effectiveDate)) {
            throw ApiProblem.invalid("effectiveDate",
                    "must not be before the day the current revision took effect, " + assignment.effectiveDate);
        }
        Instant now = Instants.now(clock);
        assignment.terms = revised;
        assignment.revision++;
        assignment.effectiveDate = effectiveDate;
        assignment.updatedAt = now;
        // The versioned update goes first, so a concurrent revision fails as stale (412), not as a duplicate.
        assignments.flush();
        assignments.addRevision(AssignmentRevision.of(assignment, now));
        assignments.flush();
        clientDataChanged.fire(new ClientDataChanged(assignment.clinicId, assignment.clientId));
        return tagged(assignment);
    }

    public Page<RevisionResponse> listRevisions(UUID assignmentId, PageRequest page) {
        Assignment assignment = findVisible(assignmentId);
        List<AssignmentRevision> rows = assignments.listRevisions(assignment.clinicId, assignment.id, page);
        return Page.of(rows, page, revision -> revision.revision, revision -> revision.id, RevisionResponse::from);
    }

    /** The assignment if it is in the caller's clinic and, for a client token, is the caller's own. */
    public Assignment findVisible(UUID assignmentId) {
        return assignments.findInClinic(caller.clinicId(), assignmentId)
                .filter(assignment -> caller.canSee(assignment.clientId))
                .orElseThrow(() -> ApiProblem.notFound("assignment"));
    }

    /** The owner of an assignment the caller may see; 404 as {@link #findVisible} for any other. */
    public AssignmentOwner findVisibleOwner(UUID assignmentId) {
        AssignmentOwner owner = findAllVisibleOwners(List.of(assignmentId)).get(assignmentId);
        if (owner == null) {
            throw ApiProblem.notFound("assignment");
        }
        return owner;
    }

    /**
     * The owners of those of the assignments the caller may see, by id, in one query; the others
     * (absent, another clinic's, another client's) are simply missing, as {@link #findVisible}
     * answers 404 for them.
     */
    public Map<UUID, AssignmentOwner> findAllVisibleOwners(Collection<UUID> assignmentIds) {
        UUID clinicId = caller.clinicId();
        if (assignmentIds.isEmpty()) {
            return Map.of();
        }
        return assignments.ownersInClinic(clinicId, assignmentIds).stream()
                .filter(owner -> caller.canSee(owner.clientId()))
                .collect(Collectors.toMap(AssignmentOwner::assignmentId, Function.identity()));
    }

    private AssignmentTerms terms(AssignmentRequest request, Client client, AssignmentStatus status,
            LocalDate defaultStart) {
        List<UUID> goalIds = request.goalIdsOrEmpty();
        if (new HashSet<>(goalIds).size() != goalIds.size()) {
            throw ApiProblem.invalid("goalIds", "must not repeat a goal");
        }
        if (!goalIds.isEmpty() && goals.countOfClient(client.clinicId, client.id, goalIds) != goalIds.size()) {
            throw ApiProblem.invalid("goalIds", "must name goals of this client");
        }
        return new AssignmentTerms(List.copyOf(goalIds), request.title(), request.instructions(), request.kind(),
                request.difficulty(), schedule(request.schedule(), defaultStart), status);
    }

    private static Schedule schedule(AssignmentRequest.ScheduleRequest request, LocalDate defaultStart) {
        boolean hasTimes = request.timesPerWeek() != null;
        boolean hasDays = request.daysOfWeek() != null;
        boolean hasDue = request.dueDate() != null;
        switch (request.type()) {
            case TIMES_PER_WEEK -> requireOnly("schedule.timesPerWeek", hasTimes, hasDays || hasDue);
            case DAYS_OF_WEEK -> requireOnly("schedule.daysOfWeek", hasDays, hasTimes || hasDue);
            case ONCE -> requireOnly("schedule.dueDate", hasDue, hasTimes || hasDays);
            case DAILY -> requireOnly(null, true, hasTimes || hasDays || hasDue);
        }
        List<Weekday> days = null;
        if (hasDays) {
            if (new HashSet<>(request.daysOfWeek()).size() != request.daysOfWeek().size()) {
                throw ApiProblem.invalid("schedule.daysOfWeek", "must not repeat a day");
            }
            // Kept in calendar order so the same days always read, and compare, the same.
            days = request.daysOfWeek().stream().sorted(Comparator.naturalOrder()).toList();
        }
        LocalDate start = request.startDate() != null ? request.startDate()
                : hasDue ? earliest(defaultStart, request.dueDate()) : defaultStart;
        if (request.endDate() != null && request.endDate().isBefore(start)) {
            throw ApiProblem.invalid("schedule.endDate", "must not be before startDate");
        }
        if (hasDue && (request.dueDate().isBefore(start)
                || request.endDate() != null && request.dueDate().isAfter(request.endDate()))) {
            throw ApiProblem.invalid("schedule.dueDate", "must lie between startDate and endDate");
        }
        return new Schedule(request.type(), request.timesPerWeek(), days, request.dueDate(), start,
                request.endDate());
    }

    /** Each schedule type takes exactly its own field; the others would be silently ignored. */
    private static void requireOnly(String field, boolean present, boolean othersPresent) {
        if (!present) {
            throw ApiProblem.invalid(field, "is required for this schedule type");
        }
        if (othersPresent) {
            throw ApiProblem.invalid("schedule.type",
                    "takes only its own field: timesPerWeek, daysOfWeek or dueDate, as the type needs");
        }
    }

    private static void requireAllowedTransition(AssignmentStatus from, AssignmentStatus to) {
        boolean ended = from == AssignmentStatus.COMPLETED || from == AssignmentStatus.CANCELLED;
        if (ended && to != from) {
            throw ApiProblem.conflict("The assignment is " + from + " and cannot become " + to
                    + "; create a new assignment instead.");
        }
    }

    private LocalDate today(Client client) {
        return client.today(clock);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Tagged<AssignmentResponse> tagged(Assignment assignment) {
        return new Tagged<>(AssignmentResponse.from(assignment), assignment.version);
    }
}
