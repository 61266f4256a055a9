package com.homeworkapi.assignment;

import com.homeworkapi.scoring.AssignmentRevision.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Maps assignments and their revision histories into the scoring module's records. */
@ApplicationScoped
public class AssignmentScoringInputs {

    @Inject
    AssignmentRepository assignments;

    /** Every assignment of these clients with all its revisions, by client; one query for many clients. */
    public Map<UUID, List<com.homeworkapi.scoring.Assignment>> byClient(UUID clinicId, Collection<UUID> clientIds) {
        Map<UUID, UUID> clientOfAssignment = new HashMap<>();
        Map<UUID, Assignment> assignmentById = new HashMap<>();
        for (Assignment assignment : assignments.listForClients(clinicId, clientIds)) {
            clientOfAssignment.put(assignment.id, assignment.clientId);
            assignmentById.put(assignment.id, assignment);
        }
        Map<UUID, List<com.homeworkapi.scoring.AssignmentRevision>> revisions = new HashMap<>();
        for (AssignmentRevision revision : assignments.listRevisionsForClients(clinicId, clientIds)) {
            revisions.computeIfAbsent(revision.assignmentId, id -> new ArrayList<>()).add(toScoring(revision));
        }
        Map<UUID, List<com.homeworkapi.scoring.Assignment>> byClient = new HashMap<>();
        revisions.forEach((assignmentId, history) -> {
            Assignment assignment = assignmentById.get(assignmentId);
            if (assignment == null) {
                return;
            }
            byClient.computeIfAbsent(clientOfAssignment.get(assignmentId), id -> new ArrayList<>())
                    .add(new com.homeworkapi.scoring.Assignment(assignmentId, history, assignment.terms.difficulty(),
                            assignment.terms.kind().toString()));
        });
        return byClient;
    }

    private static com.homeworkapi.scoring.AssignmentRevision toScoring(AssignmentRevision revision) {
        Schedule schedule = revision.terms.schedule();
        Status status = switch (revision.terms.status()) {
            case ACTIVE -> Status.ACTIVE;
            case PAUSED -> Status.PAUSED;
            case COMPLETED -> Status.COMPLETED;
            case CANCELLED -> Status.CANCELLED;
        };
        return new com.homeworkapi.scoring.AssignmentRevision(revision.effectiveDate, status,
                new com.homeworkapi.scoring.Schedule(
                        com.homeworkapi.scoring.Schedule.Type.valueOf(schedule.type().name()),
                        schedule.timesPerWeek() == null ? 0 : schedule.timesPerWeek(),
                        days(schedule.daysOfWeek()), schedule.dueDate(), schedule.startDate(), schedule.endDate()));
    }

    private static Set<DayOfWeek> days(List<Weekday> weekdays) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (weekdays != null) {
            weekdays.forEach(day -> days.add(day.toDayOfWeek()));
        }
        return days;
    }
}
