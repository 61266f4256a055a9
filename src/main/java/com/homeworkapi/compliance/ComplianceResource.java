package com.homeworkapi.compliance;

import com.homeworkapi.chart.SvgChart;
import com.homeworkapi.common.Audited;
import com.homeworkapi.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A client's own figures: visible to the clinic and to the client itself. Compliance answers
 * JSON, or the same weeks drawn as an SVG chart for {@code Accept: image/svg+xml}: one
 * operation, so the same roles, tenancy and audit event.
 */
@Audited
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLINICIAN, Roles.INTEGRATION, Roles.ADMIN, Roles.CLIENT})
public class ComplianceResource {

    /** The chart holds no script and loads nothing; a browser that opens it on its own is told so too. */
    public static final String DRAWING_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    @Inject
    ComplianceService compliance;

    @GET
    @Path("clients/{clientId}/compliance")
    public ComplianceResponse getClientCompliance(@PathParam("clientId") UUID clientId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return compliance.clientCompliance(clientId, from, to);
    }

    @GET
    @Path("clients/{clientId}/compliance")
    @Produces(SvgChart.MEDIA_TYPE)
    public Response getClientComplianceSvg(@PathParam("clientId") UUID clientId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return drawing(compliance.clientComplianceChart(clientId, from, to));
    }

    @GET
    @Path("assignments/{assignmentId}/compliance")
    public ComplianceResponse getAssignmentCompliance(@PathParam("assignmentId") UUID assignmentId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return compliance.assignmentCompliance(assignmentId, from, to);
    }

    @GET
    @Path("assignments/{assignmentId}/compliance")
    @Produces(SvgChart.MEDIA_TYPE)
    public Response getAssignmentComplianceSvg(@PathParam("assignmentId") UUID assignmentId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return drawing(compliance.assignmentComplianceChart(assignmentId, from, to));
    }

    @GET
    @Path("clients/{clientId}/progress")
    public ProgressResponse getClientProgress(@PathParam("clientId") UUID clientId) {
        return compliance.progress(clientId);
    }

    private static Response drawing(String svg) {
        return Response.ok(svg, SvgChart.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Security-Policy", DRAWING_POLICY)
                .build();
    }
}
