package com.homeworkapi.report;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.WeekRange;
import com.homeworkapi.score.ClientScores;
import com.homeworkapi.score.ScoreRefresher;
import com.homeworkapi.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Clinic-wide reports over the kept scores. A few stale scores (what writes leave between two
 * refreshes) are brought up to date first, so a write shows in the next report. Many (new rules,
 * new clinic settings, a week ended for a large clinic) are not waited for: the report answers
 * from what was kept, each row marked stale or not, and the clinic is rescored in the background.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    /** Weeks a report covers when the caller gives no range. */
    static final int DEFAULT_WEEKS = 12;

    @Inject
    Caller caller;

    @Inject
    ClientScores scores;

    @Inject
    ScoreRefresher refresher;

    @Inject
    ReportRepository reports;

    @Inject
    AuditDetails auditDetails;

    @Inject
    Clock clock;

    public ComplianceReport complianceReport(String from, String to, String clinicianId) throws SQLException {
        UUID clinicId = caller.clinicId();
        WeekRange range = range(from, to);
        List<ReportRow> rows = auditedRows(clinicId, range, clinicianId);
        return new ComplianceReport(clock.instant(), range.from(), range.to(),
                scores.settings(clinicId).asThresholds(), ClientScores.scoringVersion(),
                rows.stream().filter(ReportRow::stale).count(), rows);
    }

    /**
     * The same rows as CSV. They are read before the first byte is written: the report's audit
     * event names how many clients it covered and is stored before the answer goes out.
     */
    public StreamingOutput complianceCsv(String from, String to, String clinicianId) throws SQLException {
        List<ReportRow> rows = auditedRows(caller.clinicId(), range(from, to), clinicianId);
        return output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            CsvWriter csv = new CsvWriter(writer);
            csv.row((Object[]) ReportRow.CSV_HEADER);
            for (ReportRow row : rows) {
                csv.row(row.csvCells());
            }
            writer.flush();
        };
    }

    /** The report's rows, a few stale scores refreshed first; its audit event names how many clients they cover. */
    private List<ReportRow> auditedRows(UUID clinicId, WeekRange range, String clinicianId) throws SQLException {
        String clinician = clinicianFilter(clinicianId);
        boolean refreshed = refresher.refreshBeforeReport(clinicId);
        List<ReportRow> rows = new ArrayList<>();
        try {
            reports.complianceRows(clinicId, range.from(), range.to(), clinician, clock.instant(), rows::add);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        startRescoringUnless(refreshed, clinicId);
        auditDetails.coveredClients(rows.size());
        return rows;
    }

    public AtRiskReport atRisk(String clinicianId) throws SQLException {
        UUID clinicId = caller.clinicId();
        String clinician = clinicianFilter(clinicianId);
        boolean refreshed = refresher.refreshBeforeReport(clinicId);
        Instant now = clock.instant();
        ReportRepository.AtRiskRows list = reports.atRiskRows(clinicId, clinician, now);
        startRescoringUnless(refreshed, clinicId);
        auditDetails.coveredClients(list.rows().size());
        return new AtRiskReport(now, ClientScores.scoringVersion(), list.staleClients(), list.rows());
    }

    /**
     * Hands the clinic's stale scores to the background once this report's rows are read, so
     * the rows are what was kept when it was asked for, whatever the rescoring commits meanwhile.
     */
    private void startRescoringUnless(boolean refreshed, UUID clinicId) {
        if (!refreshed) {
            refresher.refreshInBackground(clinicId);
        }
    }

    private WeekRange range(String from, String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate defaultFrom = today.minusWeeks(DEFAULT_WEEKS - 1L).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return WeekRange.parse(from, to, defaultFrom, today);
    }

    private static String clinicianFilter(String clinicianId) {
        if (clinicianId != null && clinicianId.length() > 200) {
            throw ApiProblem.invalid("clinicianId", "must be at most 200 characters");
        }
        return clinicianId == null || clinicianId.isBlank() ? null : clinicianId;
    }
}
