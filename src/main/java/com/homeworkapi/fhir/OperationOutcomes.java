package com.homeworkapi.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.homeworkapi.common.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.annotation.Annotation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every error of the FHIR face is an OperationOutcome with the status {@code /v1} would answer.
 * Errors are made in one place for the whole service (problem+json, common/ProblemResponses);
 * this filter rewrites those of {@code /fhir/R4} as the last step before the answer goes out,
 * so a 401 from the token check, a 404 from a service and a 429 from the rate limit all read
 * alike to a FHIR client.
 */
public class OperationOutcomes {

    /** After every other response filter, the audit trail's among them, so it sees the final answer. */
    private static final int LAST = 1;

    @Inject
    ObjectMapper json;

    @ServerResponseFilter(priority = LAST)
    public void asOperationOutcome(ContainerRequestContext request, ContainerResponseContext response)
            throws IOException {
        MediaType type = response.getMediaType();
        if (type == null || !Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())
                || !request.getUriInfo().getRequestUri().getPath().startsWith(FhirMedia.BASE_PATH + "/")
                || !(response.getEntity() instanceof byte[] body)) {
            return;
        }
        Problem problem = json.readValue(body, Problem.class);
        response.setEntity(of(problem), new Annotation[0], MediaType.valueOf(FhirMedia.FHIR_JSON));
    }

    /** The outcome of a problem: one issue per field error, or one for the problem as a whole. */
    static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType code = issueType(problem.status());
        if (problem.errors() == null || problem.errors().isEmpty()) {
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(problem.detail())
                    .getDetails().setText(problem.title());
        } else {
            for (Problem.FieldError error : problem.errors()) {
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code)
                        .setDiagnostics(error.field() + ": " + error.message())
                        .getDetails().setText(problem.title());
            }
        }
        Narratives.Builder narrative = Narratives.of(problem.title() == null ? "Error" : problem.title());
        outcome.getIssue().forEach(issue -> narrative.fact("Error", issue.getDiagnostics()));
        narrative.setOn(outcome);
        return outcome;
    }

    /** FHIR's issue type for each status the service answers. */
    static IssueType issueType(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412, 428 -> IssueType.CONFLICT;
            case 413, 431 -> IssueType.TOOLONG;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> IssueType.EXCEPTION;
        };
    }
}
