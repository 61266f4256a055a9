package com.homeworkapi.compliance;

import com.homeworkapi.assignment.Assignment;
import com.homeworkapi.assignment.AssignmentService;
import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.WeekRange;
import com.homeworkapi.score.ClientScores;
import com.homeworkapi.score.StatusResponse;
import com.homeworkapi.scoring.AssignmentWeek;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientStatusReport;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.StatusClassifier;
import com.homeworkapi.scoring.WeekAssessment;
import com.homeworkapi.scoring.WeeklyCredit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One client's (or one assignment's) compliance and progress, scored fresh on every request. */
@ApplicationScoped
@Transactional
public class ComplianceService {

    @Inject
    ClientService clients;

    @Inject
    AssignmentService assignments;

    @Inject
    ClientScores scores;

    public ComplianceResponse clientCompliance(UUID clientId, String from, String to) {
        Client client = clients.findVisible(clientId);
        ClientScoreReport report = scores.scoreNow(client.clinicId, client.id);
        WeekRange range = range(report, from, to);
        Map<IsoWeek, List<AssignmentWeek>> rowsByWeek = report.assignmentWeeks().stream()
                .collect(Collectors.groupingBy(AssignmentWeek::week));
        List<WeekResponse> weeks = report.status().weeks().stream()
                .filter(week -> range.overlaps(week.week().monday()))
                .map(week -> WeekResponse.from(week, rowsByWeek.getOrDefault(week.week(), List.of()), report.timeZones()))
                .toList();
        return new ComplianceResponse(client.id, null, report.timeZones().current().getId(), report.computedAt(),
                range.from(), range.to(),
                scores.settings(client.clinicId).asThresholds(), weeks, StatusResponse.from(report.status()));
    }

    /**
     * The same figures for one assignment alone; its status reads only its own weeks, while
     * symptom measurements belong to the client as a whole.
     */
    public ComplianceResponse assignmentCompliance(UUID assignmentId, String from, String to) {
        Assignment assignment = assignments.findVisible(assignmentId);
        Client client = clients.findVisible(assignment.clientId);
        ClientScoreReport report = scores.scoreNow(client.clinicId, client.id);
        List<AssignmentWeek> rows = report.assignmentWeeks().stream()
                .filter(row -> row.assignmentId().equals(assignment.id))
                .toList();
        ScoringSettings settings = scores.settings(client.clinicId);
        ClientStatusReport status = StatusClassifier.classify(WeeklyCredit.toClientWeeks(rows), List.of(),
                scores.instruments(client.clinicId), settings);
        Map<IsoWeek, AssignmentWeek> rowByWeek = rows.stream()
                .collect(Collectors.toMap(AssignmentWeek::week, row -> row));
        WeekRange range = range(report, from, to);
        List<WeekResponse> weeks = status.weeks().stream()
                .filter(week -> range.overlaps(week.week().monday()))
                .map(week -> WeekResponse.from(week, List.of(rowByWeek.get(week.week())), report.timeZones()))
                .toList();
        return new ComplianceResponse(client.id, assignment.id, report.timeZones().current().getId(),
                report.computedAt(), range.from(), range.to(), settings.asThresholds(), weeks, StatusResponse.from(status));
    }

    public ProgressResponse progress(UUID clientId) {
        Client client = clients.findVisible(clientId);
        ClientScoreReport report = scores.scoreNow(client.clinicId, client.id);
        return new ProgressResponse(client.id, report.computedAt(), report.summary(),
                StatusResponse.from(report.status()),
                report.status().symptoms().stream().map(ProgressResponse.InstrumentProgress::from).toList(),
                ProgressResponse.Practice.from(report.practice()));
    }

    /** By default every week scored so far up to today in the client's zone, at most the longest range. */
    private static WeekRange range(ClientScoreReport report, String from, String to) {
        List<WeekAssessment> weeks = report.status().weeks();
        LocalDate earliest = IsoWeek.containing(report.today()).plusWeeks(1L - WeekRange.MAX_WEEKS).monday();
        LocalDate first = weeks.isEmpty() ? report.today() : weeks.get(0).week().monday();
        return WeekRange.parse(from, to, first.isBefore(earliest) ? earliest : first, report.today());
    }
}
