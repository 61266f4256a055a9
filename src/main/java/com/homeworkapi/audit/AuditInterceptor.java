package com.homeworkapi.audit;

import com.homeworkapi.common.ApiProblem;
import com.homeworkapi.common.Audited;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * A call and its audit event commit together: the call's transaction is begun here, around the
 * resource method (the service's own {@code @Transactional} joins it), and the event is inserted
 * last, once the method has answered, so it costs one INSERT and no lock. A write's event is as
 * durable as the write; a read's transaction, whose only lasting row is its event, commits
 * without waiting for the disk (see {@code ClinicTransactions}). When the method fails,
 * everything is rolled back and {@link AuditFilters} records the refusal instead.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class);

    @Inject
    AuditTrail trail;

    @Inject
    AuditMetrics metrics;

    @AroundInvoke
    Object auditCall(InvocationContext invocation) throws Exception {
        if (!trail.noted()) {
            return invocation.proceed();
        }
        int[] written = new int[1];
        Object answer = QuarkusTransaction.joiningExisting().call(() -> {
            Object result = invocation.proceed();
            if (result instanceof Response created && created.getLocation() != null) {
                trail.created(created.getLocation());
            }
            try {
                written[0] = trail.record(statusOf(result));
            } catch (SQLException failed) {
                LOG.errorf("Storing the audit event of request %s failed: %s", trail.requestId(),
                        failed.getClass().getName());
                throw ApiProblem.auditUnavailable();
            }
            return result;
        });
        metrics.written(written[0]);
        return answer;
    }

    private static int statusOf(Object result) {
        if (result instanceof Response response) {
            return response.getStatus();
        }
        return result == null ? Response.Status.NO_CONTENT.getStatusCode() : Response.Status.OK.getStatusCode();
    }
}
