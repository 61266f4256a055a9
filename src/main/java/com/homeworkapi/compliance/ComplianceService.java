package com.homeworkapi.compliance;

import com.homeworkapi.assignment.Assignment;
import com.homeworkapi.assignment.AssignmentService;
import com.homeworkapi.attempt.Attempt;
import com.homeworkapi.attempt.AttemptRepository;
import com.homeworkapi.attempt.ObstaclesConverter;
import com.homeworkapi.chart.ChartData;
import com.homeworkapi.chart.SvgChart;
import com.homeworkapi.client.Client;
import com.homeworkapi.client.ClientService;
import com.homeworkapi.common.WeekRange;
import com.homeworkapi.score.ClientScores;
import com.homeworkapi.score.ScoredClient;
import com.homeworkapi.score.StatusResponse;
import com.homeworkapi.scoring.AssignmentWeek;
import com.homeworkapi.scoring.ClientScoreReport;
import com.homeworkapi.scoring.ClientStatusReport;
import com.homeworkapi.scoring.Instrument;
import com.homeworkapi.scoring.IsoWeek;
import com.homeworkapi.scoring.ProgressSummary;
import com.homeworkapi.scoring.ScoringSettings;
import com.homeworkapi.scoring.StatusClassifier;
import com.homeworkapi.scoring.TimeZoneHistory;
import com.homeworkapi.scoring.WeekAssessment;
import com.homeworkapi.scoring.WeeklyCredit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One client's (or one assignment's) compliance and progress, scored fresh on every request. */
@ApplicationScoped
@Transactional
public class ComplianceService {

    private static final ObstaclesConverter OBSTACLES = new ObstaclesConverter();

    @Inject
    ClientService clients;

    @Inject
    AssignmentService assignments;

    @Inject
    ClientScores scores;

    @Inject
    AttemptRepository attempts;

    @Inject
    EntityManager entityManager;

    /**
     * The figures of a client or of one of its assignments over the weeks of a range, as the
     * JSON, the chart and the summary page show them.
     *
     * @param assignment null for the client as a whole
     * @param status     the client's status, or for one assignment the status of its weeks alone
     * @param weeks      the weeks that overlap the range, oldest first
     */
    public record View(Client client, Assignment assignment, ScoredClient scored, WeekRange range,
            ClientStatusReport status, List<WeekAssessment> weeks, Map<IsoWeek, List<AssignmentWeek>> rowsByWeek,
            ScoringSettings settings) {

        public ClientScoreReport report() {
            return scored.report();
        }

        /** The status in one sentence: the client's summary, or the same words for one assignment's weeks. */
        public String sentence() {
            return assignment == null ? report().summary() : ProgressSummary.forClient(status);
        }

        /** From the Monday of the first week to the Sunday of the last, or the range itself when it holds no week. */
        public LocalDate firstDay() {
            return weeks.isEmpty() ? range.from() : weeks.get(0).week().monday();
        }

        public LocalDate lastDay() {
            return weeks.isEmpty() ? range.to() : weeks.get(weeks.size() - 1).week().sunday();
        }
    }

    public ComplianceResponse clientCompliance(UUID clientId, String from, String to) {
        return response(clientView(clientId, from, to));
    }

    /**
     * The same figures for one assignment alone; its status reads only its own weeks, while
     * symptom measurements belong to the client as a whole.
     */
    public ComplianceResponse assignmentCompliance(UUID assignmentId, String from, String to) {
        return response(assignmentView(assignmentId, from, to));
    }

    public String clientComplianceChart(UUID clientId, String from, String to) {
        return SvgChart.render(chart(clientView(clientId, from, to)));
    }

    public String assignmentComplianceChart(UUID assignmentId, String from, String to) {
        return SvgChart.render(chart(assignmentView(assignmentId, from, to)));
    }

    public View clientView(UUID clientId, String from, String to) {
        Client client = clients.findVisible(clientId);
        ScoredClient scored = scores.scoreRecordNow(client.clinicId, client.id);
        ClientScoreReport report = scored.report();
        WeekRange range = range(report, from, to);
        Map<IsoWeek, List<AssignmentWeek>> rowsByWeek = report.assignmentWeeks().stream()
                .collect(Collectors.groupingBy(AssignmentWeek::week));
        List<WeekAssessment> weeks = report.status().weeks().stream()
                .filter(week -> range.overlaps(week.week().monday()))
                .toList();
        return new View(client, null, scored, range, report.status(), weeks, rowsByWeek,
                scores.settings(client.clinicId));
    }

    View assignmentView(UUID assignmentId, String from, String to) {
        Assignment assignment = assignments.findVisible(assignmentId);
        Client client = clients.findVisible(assignment.clientId);
        ScoredClient scored = scores.scoreRecordNow(client.clinicId, client.id);
        ClientScoreReport report = scored.report();
        List<AssignmentWeek> rows = report.assignmentWeeks().stream()
                .filter(row -> row.assignmentId().equals(assignment.id))
                .toList();
        ScoringSettings settings = scores.settings(client.clinicId);
        ClientStatusReport status = StatusClassifier.classify(WeeklyCredit.toClientWeeks(rows), List.of(),
                Instrument.catalogue(scored.record().clinicInstruments()), settings);
        Map<IsoWeek, List<AssignmentWeek>> rowByWeek = rows.stream()
                .collect(Collectors.toMap(AssignmentWeek::week, List::of));
        WeekRange range = range(report, from, to);
        List<WeekAssessment> weeks = status.weeks().stream()
                .filter(week -> range.overlaps(week.week().monday()))
                .toList();
        return new View(client, assignment, scored, range, status, weeks, rowByWeek, settings);
    }

    private ComplianceResponse response(View view) {
        ClientScoreReport report = view.report();
        List<WeekResponse> weeks = view.weeks().stream()
                .map(week -> WeekResponse.from(week, view.rowsByWeek().getOrDefault(week.week(), List.of()),
                        report.timeZones()))
                .toList();
        return new ComplianceResponse(view.client().id, view.assignment() == null ? null : view.assignment().id,
                report.timeZones().current().getId(), report.computedAt(), view.range().from(), view.range().to(),
                view.settings().asThresholds(), weeks, obstacles(view), StatusResponse.from(view.status()));
    }

    /**
     * Skipped and partial attempts of the view's weeks, each in the week it occurred in the client's
     * zone then. Counted from the attempts scoring read, which carry their obstacles: no second read.
     */
    public ObstacleSummary obstacles(View view) {
        Set<IsoWeek> shown = shownWeeks(view);
        TimeZoneHistory zones = view.report().timeZones();
        return ObstacleSummary.of(view.scored().unfinished().stream()
                .filter(attempt -> view.assignment() == null || attempt.assignmentId().equals(view.assignment().id))
                .map(attempt -> new ObstacleSummary.Unfinished(attempt.assignmentId(),
                        zones.weekOf(attempt.occurredAt()), attempt.skipped(),
                        OBSTACLES.convertToEntityAttribute(attempt.obstacles())))
                .filter(attempt -> shown.contains(attempt.week()))
                .toList());
    }

    /** The view's skipped and partial attempts as entities, oldest first, for what the summary quotes of them. */
    public List<Attempt> unfinished(View view) {
        if (view.weeks().isEmpty()) {
            return List.of();
        }
        Set<IsoWeek> shown = shownWeeks(view);
        // A margin of two days either side covers every zone; the week each attempt falls in decides.
        Instant from = view.firstDay().minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = view.lastDay().plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        return attempts.listUnfinished(view.client().clinicId, view.client().id,
                        view.assignment() == null ? null : view.assignment().id, from, to).stream()
                .filter(attempt -> shown.contains(view.report().timeZones().weekOf(attempt.occurredAt)))
                .toList();
    }

    private static Set<IsoWeek> shownWeeks(View view) {
        Set<IsoWeek> shown = new HashSet<>();
        view.weeks().forEach(week -> shown.add(week.week()));
        return shown;
    }

    /** The chart of a view: the client's symptoms and every assignment's markers, or one assignment's alone. */
    public ChartData chart(View view) {
        return ChartData.of(view.sentence(), view.status(), view.weeks(), view.scored().record(),
                view.assignment() == null ? null : view.assignment().id, titles(view), view.settings());
    }

    /** The titles of the client's assignments (or of the one viewed), by id, in creation order. */
    public Map<UUID, String> titles(View view) {
        String query = view.assignment() == null
                ? "select a.id, a.terms.title from Assignment a where a.clinicId = :clinic and a.clientId = :client"
                        + " order by a.createdAt, a.id"
                : "select a.id, a.terms.title from Assignment a where a.clinicId = :clinic and a.id = :assignment";
        var typed = entityManager.createQuery(query, Object[].class).setParameter("clinic", view.client().clinicId);
        if (view.assignment() == null) {
            typed.setParameter("client", view.client().id);
        } else {
            typed.setParameter("assignment", view.assignment().id);
        }
        Map<UUID, String> titles = new LinkedHashMap<>();
        for (Object[] row : typed.getResultList()) {
            titles.put((UUID) row[0], (String) row[1]);
        }
        return titles;
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
