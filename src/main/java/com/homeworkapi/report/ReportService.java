package com.homeworkapi.report;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.AuditDetails;
import com.homeworkapi.common.WeekRange;
import com.homeworkapi.score.ClientScores;
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
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Clinic-wide reports. Stale scores of the clinic are brought up to date first, then read in one query. */
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
                scores.settings(clinicId).asThresholds(), rows);
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

    /** The report's rows, its stale scores refreshed first; its audit event names how many clients they cover. */
    private List<ReportRow> auditedRows(UUID clinicId, WeekRange range, String clinicianId) throws SQLException {
        scores.refreshStale(clinicId);
        List<ReportRow> rows = new ArrayList<>();
        try {
            reports.complianceRows(clinicId, range.from(), range.to(), clinicianFilter(clinicianId), rows::add);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        auditDetails.coveredClients(rows.size());
        return rows;
    }

    public AtRiskReport atRisk(String clinicianId) throws SQLException {
        UUID clinicId = caller.clinicId();
        scores.refreshStale(clinicId);
        List<AtRiskRow> rows = reports.atRiskRows(clinicId, clinicianFilter(clinicianId));
        auditDetails.coveredClients(rows.size());
        return new AtRiskReport(clock.instant(), rows);
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
