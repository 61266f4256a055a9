package com.homeworkapi.summary;

import com.homeworkapi.assignment.Assignment;
import com.homeworkapi.assignment.AssignmentStatus;
import com.homeworkapi.attempt.Attempt;
import com.homeworkapi.chart.SvgChart;
import com.homeworkapi.compliance.ComplianceService;
import com.homeworkapi.review.Review;
import com.homeworkapi.scoring.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Gathers what the session summary shows from the compliance view, the assignments and the latest review. */
@ApplicationScoped
@Transactional
public class SummaryService {

    /** The client's own words on what got in the way: the latest few, so the page stays one page. */
    static final int NOTES = 5;

    @Inject
    ComplianceService compliance;

    @Inject
    EntityManager entityManager;

    public String page(UUID clientId, String from, String to) {
        ComplianceService.View view = compliance.clientView(clientId, from, to);
        Map<UUID, String> titles = compliance.titles(view);
        List<Attempt> unfinished = compliance.unfinished(view);
        List<SummaryPage.Note> notes = new ArrayList<>();
        for (int i = unfinished.size() - 1; i >= 0 && notes.size() < NOTES; i--) {
            Attempt attempt = unfinished.get(i);
            if (attempt.note != null && !attempt.note.isBlank()) {
                notes.add(new SummaryPage.Note(view.report().timeZones().localDate(attempt.occurredAt),
                        titles.getOrDefault(attempt.assignmentId, ""), attempt.outcome.toString(), attempt.note));
            }
        }
        return SummaryPage.render(new SummaryPage.Content(view.client().displayName, view,
                SvgChart.render(compliance.chart(view)),
                Instrument.catalogue(view.scored().record().clinicInstruments()), titles,
                compliance.obstacles(view), notes, latestReview(view), activeAssignments(view)));
    }

    private List<Assignment> activeAssignments(ComplianceService.View view) {
        List<Assignment> assignments = new ArrayList<>(entityManager.createQuery(
                        "from Assignment a where a.clinicId = :clinic and a.clientId = :client", Assignment.class)
                .setParameter("clinic", view.client().clinicId)
                .setParameter("client", view.client().id)
                .getResultList());
        assignments.removeIf(assignment -> assignment.terms.status() != AssignmentStatus.ACTIVE);
        assignments.sort(Comparator.comparing((Assignment assignment) -> assignment.createdAt)
                .thenComparing(assignment -> assignment.id.toString()));
        return assignments;
    }

    private SummaryPage.LatestReview latestReview(ComplianceService.View view) {
        List<Review> latest = entityManager.createQuery("from Review r where r.clinicId = :clinic"
                        + " and r.clientId = :client order by r.weekStart desc, r.createdAt desc, r.id desc", Review.class)
                .setParameter("clinic", view.client().clinicId)
                .setParameter("client", view.client().id)
                .setMaxResults(1)
                .getResultList();
        if (latest.isEmpty()) {
            return null;
        }
        Review review = latest.get(0);
        Map<UUID, String> itemNotes = new LinkedHashMap<>();
        review.items.forEach(item -> {
            if (item.note != null && !item.note.isBlank()) {
                itemNotes.put(item.assignmentId, item.note);
            }
        });
        return new SummaryPage.LatestReview(review.weekStart,
                review.obstacles.stream().map(Object::toString).toList(), review.obstaclesNote, review.nextWeekChanges,
                itemNotes);
    }
}
