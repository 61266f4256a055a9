package com.homeworkapi.fhir;

import com.homeworkapi.goal.GoalRequest;
import com.homeworkapi.goal.GoalResponse;
import com.homeworkapi.goal.GoalStatus;
import com.homeworkapi.score.AchievementStatus;
import com.homeworkapi.score.EvidenceResponse;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A goal as a FHIR Goal. The client's status from scoring lands where an EHR reads progress on a
 * goal: {@code achievementStatus} (goal-achievement codes, with the evidence in its text), and
 * the weeks that evidence names as {@code outcomeReference}s to their compliance Observations.
 */
final class Goals {

    private static final String GOAL_STATUS = "http://hl7.org/fhir/goal-status";

    private Goals() {
    }

    static Goal from(GoalResponse response, Long version) {
        Goal goal = new Goal();
        goal.setId(response.id().toString());
        goal.getMeta().setLastUpdated(Date.from(response.updatedAt()));
        if (version != null) {
            goal.getMeta().setVersionId(version.toString());
        }
        goal.setLifecycleStatus(lifecycle(response.status().toString()));
        goal.getDescription().setText(response.title());
        goal.setSubject(Observations.patient(response.clientId()));
        if (response.startDate() != null) {
            goal.setStart(new DateType(response.startDate().toString()));
        }
        if (response.description() != null) {
            goal.addNote().setText(response.description());
        }
        GoalRequest.Target target = response.target();
        if (target != null) {
            target(goal, target);
        }
        AchievementStatus achievement = response.achievementStatus();
        if (achievement != null) {
            CodeableConcept status = new CodeableConcept();
            status.addCoding().setSystem(CodeSystems.GOAL_ACHIEVEMENT).setCode(achievement.code());
            EvidenceResponse evidence = achievement.evidence();
            if (evidence != null) {
                status.setText(evidence.explanation());
                for (EvidenceResponse.WeekFigure week : evidence.weeks()) {
                    goal.addOutcomeReference(new Reference("Observation/"
                            + ObservationIds.week(response.clientId(), week.week())));
                }
            }
            goal.setAchievementStatus(status);
        }
        Narratives.of("Goal: " + response.title())
                .fact("Status", response.status())
                .fact("Start", response.startDate())
                .fact("Achievement", achievement == null ? null : achievement.code())
                .fact("Description", response.description())
                .fact("Target", target == null ? null : target.description())
                .setOn(goal);
        return goal;
    }

    /** A measure is named only where an instrument is (gol-1: a detail needs its measure). */
    private static void target(Goal goal, GoalRequest.Target target) {
        if (target.instrument() == null && target.dueDate() == null) {
            if (target.description() != null) {
                goal.addNote().setText("Target: " + target.description());
            }
            return;
        }
        Goal.GoalTargetComponent component = goal.addTarget();
        if (target.instrument() != null) {
            String loinc = CodeSystems.loincOf(target.instrument());
            component.getMeasure().addCoding()
                    .setSystem(loinc != null ? CodeSystems.LOINC : CodeSystems.INSTRUMENT)
                    .setCode(loinc != null ? loinc : target.instrument());
            if (target.value() != null) {
                component.setDetail(new Quantity().setValue(target.value()).setUnit("{score}")
                        .setSystem(CodeSystems.UCUM).setCode("{score}"));
            }
        }
        if (target.dueDate() != null) {
            component.setDue(new DateType(target.dueDate().toString()));
        }
        if (target.description() != null) {
            goal.addNote().setText("Target: " + target.description());
        }
    }

    /**
     * The statuses a {@code lifecycle-status} search admits (null when not given): goal-status
     * codes, with or without their system; comma-separated ORed, repeated ANDed. Codes we never
     * write (planned, accepted, rejected, entered-in-error) admit nothing.
     */
    static Set<GoalStatus> statuses(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        Set<GoalStatus> admitted = EnumSet.allOf(GoalStatus.class);
        for (String value : values) {
            Set<GoalStatus> any = EnumSet.noneOf(GoalStatus.class);
            for (String text : value.split(",", -1)) {
                ObservationQuery.Token token = ObservationQuery.Token.parse(FhirGoalResource.LIFECYCLE_STATUS, text);
                for (GoalStatus status : GoalStatus.values()) {
                    if (token.matches(GOAL_STATUS, lifecycle(status.toString()).toCode())) {
                        any.add(status);
                    }
                }
            }
            admitted.retainAll(any);
        }
        return admitted;
    }

    private static GoalLifecycleStatus lifecycle(String status) {
        return switch (status) {
            case "proposed" -> GoalLifecycleStatus.PROPOSED;
            case "on_hold" -> GoalLifecycleStatus.ONHOLD;
            case "completed" -> GoalLifecycleStatus.COMPLETED;
            case "cancelled" -> GoalLifecycleStatus.CANCELLED;
            default -> GoalLifecycleStatus.ACTIVE;
        };
    }
}
