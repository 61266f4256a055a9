package com.homeworkapi.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.homeworkapi.support.TestClinic;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The access log names the route template, status, request id and the caller's trace
 * (traceparent), and never the raw path, the query or anything a body held.
 */
@QuarkusTest
class AccessLogTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void shouldLogTheRouteTemplateStatusRequestIdAndTheCallersTrace() throws Exception {
        TestClinic clinic = new TestClinic();
        UUID clientId = clinic.createClient();
        List<String> lines = captured(() -> clinic.clinician()
                .header("X-Request-Id", "req-42")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .queryParam("identifier", "urn:ehr:example|Jane Doe")
                .get("/v1/clients/{clientId}", clientId).then().statusCode(200));

        String line = lines.stream().filter(logged -> logged.contains("/v1/clients/{clientId}")).findFirst()
                .orElseThrow(() -> new AssertionError("no access log line in " + lines));
        assertEquals("GET /v1/clients/{clientId} 200", line.substring(0, line.indexOf(" 200") + 4));
        assertEquals(true, line.contains("request_id=req-42"), line);
        assertEquals(true, line.contains("trace_id=" + TRACE_ID), line);
        assertFalse(line.contains(clientId.toString()), line);
        assertFalse(line.contains("Jane"), line);
    }

    @Test
    void shouldNotLogARequestIdThatCouldForgeALine() throws Exception {
        TestClinic clinic = new TestClinic();
        List<String> lines = captured(() -> clinic.clinician().header("X-Request-Id", "a b\tJane Doe")
                .get("/v1/clients").then().statusCode(200));

        assertFalse(lines.isEmpty(), "logged");
        lines.forEach(line -> assertFalse(line.contains("Jane"), line));
    }

    private static List<String> captured(Runnable requests) throws Exception {
        Logger logger = Logger.getLogger(AccessLog.CATEGORY);
        Level level = logger.getLevel();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] parameters = record.getParameters();
                lines.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        try {
            requests.run();
            // The line is written when the answer has gone out, which the client may see first.
            for (int wait = 0; wait < 50 && lines.isEmpty(); wait++) {
                Thread.sleep(20);
            }
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(level);
        }
        return lines;
    }
}
