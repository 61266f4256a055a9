package com.homeworkapi.goal;

import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ETags;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.common.Tagged;
import com.homeworkapi.score.AchievementStatus;
import com.homeworkapi.score.GoalAchievements;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class GoalService {

    @Inject
    GoalRepository goals;

    @Inject
    ClientService clients;

    @Inject
    Caller caller;

    @Inject
    GoalAchievements achievements;

    @Inject
    Clock clock;

    public Tagged<GoalResponse> createGoal(UUID clientId, GoalRequest request) {
        Client client = clients.findVisible(clientId);
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.clinicId = caller.clinicId();
        goal.clientId = client.id;
        goal.createdAt = Instants.now(clock);
        apply(request, goal);
        goals.persist(goal);
        goals.flush();
        return tagged(goal, achievementsOf(client));
    }

    public Page<GoalResponse> listGoals(UUID clientId, PageRequest page) {
        return listGoals(clientId, null, null, null, page);
    }

    /**
     * As above, of these statuses (any when null), last updated in [updatedFrom, updatedBefore)
     * where given (FHIR's lifecycle-status and _lastUpdated).
     */
    public Page<GoalResponse> listGoals(UUID clientId, Set<GoalStatus> statuses, Instant updatedFrom,
            Instant updatedBefore, PageRequest page) {
        Client client = clients.findVisible(clientId);
        List<Goal> rows = goals.listForClient(caller.clinicId(), client.id, statuses, updatedFrom, updatedBefore,
                page);
        GoalAchievements.ForClient achievements = achievementsOf(client);
        return Page.of(rows, page, goal -> goal.createdAt, goal -> goal.id, goal -> response(goal, achievements));
    }

    public Tagged<GoalResponse> getGoal(UUID goalId) {
        Goal goal = findVisible(goalId);
        return tagged(goal, achievementsOf(clients.findVisible(goal.clientId)));
    }

    public Tagged<GoalResponse> updateGoal(UUID goalId, String ifMatch, GoalRequest request) {
        Goal goal = findVisible(goalId);
        ETags.requireMatch(ifMatch, goal.version);
        if (request.status() == null) {
            throw ApiProblem.invalid("status", "is required when a goal is replaced");
        }
        apply(request, goal);
        goals.flush();
        return tagged(goal, achievementsOf(clients.findVisible(goal.clientId)));
    }

    /**
     * The responses of goals of one client, scored once for all of them (the change feed loads
     * a page of goals at a time). The caller has already checked the client is visible.
     */
    public List<GoalResponse> responses(Client client, List<Goal> clientGoals) {
        if (clientGoals.isEmpty()) {
            return List.of();
        }
        GoalAchievements.ForClient achievements = achievementsOf(client);
        return clientGoals.stream().map(goal -> response(goal, achievements)).toList();
    }

    /**
     * Goals of several clients of the caller's clinic as their own endpoint answers them: each
     * client is scored once for the achievement status of its goals.
     */
    public List<GoalResponse> responsesInClinic(List<Goal> goals) {
        Map<UUID, GoalAchievements.ForClient> byClient = new HashMap<>();
        return goals.stream().map(goal -> response(goal, byClient.computeIfAbsent(goal.clientId,
                client -> achievements.forClient(goal.clinicId, client)))).toList();
    }

    private Goal findVisible(UUID goalId) {
        return goals.findInClinic(caller.clinicId(), goalId)
                .filter(goal -> caller.canSee(goal.clientId))
                .orElseThrow(() -> ApiProblem.notFound("goal"));
    }

    private void apply(GoalRequest request, Goal goal) {
        goal.title = request.title();
        goal.description = request.description();
        goal.status = request.status() == null ? GoalStatus.ACTIVE : request.status();
        goal.startDate = request.startDate();
        GoalRequest.Target target = request.target();
        goal.target = new GoalTarget();
        if (target != null) {
            goal.target.description = target.description();
            goal.target.instrument = target.instrument();
            goal.target.value = target.value();
            goal.target.dueDate = target.dueDate();
        }
        goal.updatedAt = Instants.now(clock);
    }

    private GoalAchievements.ForClient achievementsOf(Client client) {
        return achievements.forClient(client.clinicId, client.id);
    }

    /** Only goals being worked towards, or completed, have an achievement status. */
    private static GoalResponse response(Goal goal, GoalAchievements.ForClient achievements) {
        AchievementStatus status = switch (goal.status) {
            case COMPLETED -> achievements.completed();
            case ACTIVE -> goal.target == null ? achievements.towards(null, null)
                    : achievements.towards(goal.target.instrument, goal.target.value);
            case PROPOSED, ON_HOLD, CANCELLED -> null;
        };
        return GoalResponse.from(goal, status);
    }

    private static Tagged<GoalResponse> tagged(Goal goal, GoalAchievements.ForClient achievements) {
        return new Tagged<>(response(goal, achievements), goal.version);
    }
}
