package com.homeworkapi.review;

import com.homeworkapi.assignment.AssignmentRepository;
import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.ClientDataChanged;
import com.homeworkapi.common.Instants;
import com.homeworkapi.common.Page;
import com.homeworkapi.common.PageRequest;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ReviewService {

    @Inject
    ReviewRepository reviews;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ClientService clients;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Event<ClientDataChanged> clientDataChanged;

    public ReviewResponse createReview(UUID clientId, ReviewRequest request) {
        Client client = clients.findVisible(clientId);
        String reviewerId = caller.subject();
        if (reviewerId == null || reviewerId.isBlank()) {
            throw ApiProblem.unauthorized("A review records its reviewer; the token carries no sub claim.");
        }
        checkFields(client, request);
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.clinicId = client.clinicId;
        review.clientId = client.id;
        review.weekStart = request.weekStart();
        for (ReviewRequest.Item item : request.assignmentsOrEmpty()) {
            review.items.add(new ReviewItem(client.clinicId, item.assignmentId(), item.quality(), item.note()));
        }
        review.obstacles = request.obstaclesOrEmpty().stream().distinct().sorted().toList();
        review.obstaclesNote = request.obstaclesNote();
        review.nextWeekChanges = request.nextWeekChanges();
        review.reviewerId = reviewerId;
        review.createdAt = Instants.now(clock);
        reviews.persist(review);
        reviews.flush();
        clientDataChanged.fire(new ClientDataChanged(client.clinicId, client.id));
        return ReviewResponse.from(review);
    }

    public Page<ReviewResponse> listReviews(UUID clientId, PageRequest page) {
        Client client = clients.findVisible(clientId);
        List<Review> rows = reviews.listForClient(client.clinicId, client.id, page);
        return Page.of(rows, page, review -> review.weekStart, review -> review.id, ReviewResponse::from);
    }

    private void checkFields(Client client, ReviewRequest request) {
        LocalDate weekStart = request.weekStart();
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ApiProblem.invalid("weekStart", "must be a Monday, the first day of an ISO week");
        }
        if (weekStart.isAfter(client.today(clock))) {
            throw ApiProblem.invalid("weekStart", "must not be a week that has not begun in the client's time zone");
        }
        List<ReviewRequest.Item> items = request.assignmentsOrEmpty();
        boolean saysNothing = items.isEmpty() && request.obstaclesOrEmpty().isEmpty()
                && isBlank(request.obstaclesNote()) && isBlank(request.nextWeekChanges());
        if (saysNothing) {
            throw ApiProblem.invalid("assignments",
                    "must rate an assignment unless the review gives obstacles, obstaclesNote or nextWeekChanges");
        }
        Set<UUID> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            if (!seen.add(items.get(index).assignmentId())) {
                throw ApiProblem.invalid("assignments[" + index + "].assignmentId",
                        "repeats an assignment already in the list");
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        Set<UUID> ofClient = new HashSet<>(assignments.idsOfClient(client.clinicId, client.id, seen));
        for (int index = 0; index < items.size(); index++) {
            if (!ofClient.contains(items.get(index).assignmentId())) {
                throw ApiProblem.invalid("assignments[" + index + "].assignmentId",
                        "is not an assignment of this client");
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
