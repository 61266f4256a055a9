package com.homeworkapi.report;

import com.homeworkapi.common.Audited;
import com.homeworkapi.limits.HeavyRead;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/** Reports for the clinic's staff and systems; never for a client token. */
@Audited
@Path("/v1")
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN})
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    ReportService reports;

    @GET
    @HeavyRead
    @Path("reports/compliance")
    @Produces(MediaType.APPLICATION_JSON)
    public ComplianceReport getComplianceReport(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("clinicianId") String clinicianId) throws SQLException {
        return reports.complianceReport(from, to, clinicianId);
    }

    @GET
    @HeavyRead
    @Path("reports/compliance")
    @Produces(CSV)
    public Response getComplianceReportCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("clinicianId") String clinicianId) throws SQLException {
        return Response.ok(reports.complianceCsv(from, to, clinicianId), CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"compliance-report.csv\"")
                .build();
    }

    @GET
    @HeavyRead
    @Path("reports/at-risk")
    @Produces(MediaType.APPLICATION_JSON)
    public AtRiskReport getAtRiskReport(@QueryParam("clinicianId") String clinicianId) throws SQLException {
        return reports.atRisk(clinicianId);
    }
}
