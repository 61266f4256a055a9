package com.homeworkapi.fhir;

import com.homeworkapi.assignment.AssignmentResponse;
import com.homeworkapi.assignment.Schedule;
import com.homeworkapi.assignment.Weekday;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.DayOfWeek;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * A client's homework as one CarePlan (its id is the client's): each assignment an activity with
 * its status, its schedule as a Timing, its kind, difficulty and goals, in its current revision.
 * Past revisions stay readable at {@code /v1/assignments/{id}/revisions}; the CarePlan names the
 * revision it shows in each activity.
 */
final class CarePlans {

    static final String ASSIGNMENT_EXTENSION = "https://homework-api.dev/fhir/StructureDefinition/assignment";
    static final String REVISION_EXTENSION = "https://homework-api.dev/fhir/StructureDefinition/revision";
    static final String DIFFICULTY_EXTENSION = "https://homework-api.dev/fhir/StructureDefinition/difficulty";

    private CarePlans() {
    }

    static CarePlan from(UUID clientId, List<AssignmentResponse> assignments, List<UUID> goalIds) {
        CarePlan plan = new CarePlan();
        plan.setId(clientId.toString());
        plan.setIntent(CarePlanIntent.PLAN);
        plan.setStatus(status(assignments));
        plan.setTitle("Homework");
        plan.setSubject(Observations.patient(clientId));
        plan.getCategoryFirstRep().addCoding().setSystem(CodeSystems.HOMEWORK).setCode("homework-plan");
        assignments.stream().map(AssignmentResponse::updatedAt).max(Comparator.naturalOrder())
                .ifPresent(updated -> plan.getMeta().setLastUpdated(Date.from(updated)));
        assignments.stream().map(assignment -> assignment.schedule().startDate()).min(Comparator.naturalOrder())
                .ifPresent(start -> plan.getPeriod().setStartElement(new DateTimeType(start.toString())));
        for (UUID goalId : goalIds) {
            plan.addGoal(new Reference("Goal/" + goalId));
        }
        for (AssignmentResponse assignment : assignments) {
            activity(plan, assignment);
        }
        Narratives.Builder narrative = Narratives.of("Homework plan").fact("Status", plan.getStatus().toCode());
        for (AssignmentResponse assignment : assignments) {
            narrative.fact("Assignment", assignment.title() + " (" + assignment.kind() + ", " + assignment.status()
                    + ")");
        }
        narrative.setOn(plan);
        return plan;
    }

    private static void activity(CarePlan plan, AssignmentResponse assignment) {
        CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.addExtension(ASSIGNMENT_EXTENSION, new StringType(assignment.id().toString()));
        detail.addExtension(REVISION_EXTENSION, new IntegerType(assignment.revision()));
        if (assignment.difficulty() != null) {
            detail.addExtension(DIFFICULTY_EXTENSION, new IntegerType(assignment.difficulty()));
        }
        detail.getCode().setText(assignment.title()).addCoding()
                .setSystem(CodeSystems.ASSIGNMENT_KIND).setCode(assignment.kind().toString());
        detail.setStatus(activityStatus(assignment.status().toString()));
        if (assignment.instructions() != null) {
            detail.setDescription(assignment.instructions());
        }
        for (UUID goalId : assignment.goalIds() == null ? List.<UUID>of() : assignment.goalIds()) {
            detail.addGoal(new Reference("Goal/" + goalId));
        }
        detail.setScheduled(timing(assignment.schedule()));
    }

    /** The schedule as FHIR Timing: how often per period, on which days, between which dates. */
    static Timing timing(Schedule schedule) {
        Timing timing = new Timing();
        TimingRepeatComponent repeat = timing.getRepeat();
        Period bounds = new Period().setStartElement(new DateTimeType(schedule.startDate().toString()));
        switch (schedule.type()) {
            case TIMES_PER_WEEK -> repeat.setFrequency(schedule.timesPerWeek()).setPeriod(1)
                    .setPeriodUnit(UnitsOfTime.WK);
            case DAYS_OF_WEEK -> {
                repeat.setFrequency(1).setPeriod(1).setPeriodUnit(UnitsOfTime.D);
                for (Weekday day : schedule.daysOfWeek()) {
                    repeat.addDayOfWeek(DayOfWeek.fromCode(day.name().toLowerCase(Locale.ROOT)));
                }
            }
            case DAILY -> repeat.setFrequency(1).setPeriod(1).setPeriodUnit(UnitsOfTime.D);
            case ONCE -> {
                repeat.setCount(1);
                if (schedule.dueDate() != null) {
                    bounds.setEndElement(new DateTimeType(schedule.dueDate().toString()));
                }
            }
        }
        if (schedule.endDate() != null) {
            bounds.setEndElement(new DateTimeType(schedule.endDate().toString()));
        }
        repeat.setBounds(bounds);
        return timing;
    }

    private static CarePlanActivityStatus activityStatus(String status) {
        return switch (status) {
            case "paused" -> CarePlanActivityStatus.ONHOLD;
            case "completed" -> CarePlanActivityStatus.COMPLETED;
            case "cancelled" -> CarePlanActivityStatus.CANCELLED;
            default -> CarePlanActivityStatus.INPROGRESS;
        };
    }

    /** Active while any assignment is; on hold while the rest are paused; completed once all ended. */
    private static CarePlanStatus status(List<AssignmentResponse> assignments) {
        List<String> statuses = assignments.stream().map(assignment -> assignment.status().toString()).toList();
        if (statuses.isEmpty()) {
            return CarePlanStatus.DRAFT;
        }
        if (statuses.contains("active")) {
            return CarePlanStatus.ACTIVE;
        }
        return statuses.contains("paused") ? CarePlanStatus.ONHOLD : CarePlanStatus.COMPLETED;
    }
}
