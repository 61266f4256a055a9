package com.homeworkapi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.homeworkapi.support.Json;
import com.homeworkapi.support.Problems;
import com.homeworkapi.support.TestClinic;
import com.homeworkapi.webhook.Receiver.Answer;
import com.homeworkapi.webhook.Receiver.Received;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery to a real receiver on loopback: signatures, retries, timeouts, leases, two
 * dispatchers and the guard against private addresses. Tests drive the dispatcher themselves
 * (the background loop is off in tests) with short timeouts and retries (application.properties).
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookDelivery delivery;

    @Inject
    WebhookConfig config;

    /** Names the tests make up, resolved as the test says; everything else as DNS says. */
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();

    @BeforeEach
    void resolveMadeUpNames() {
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                List<InetAddress> made = dns.get(host);
                return made != null ? made : super.resolve(host);
            }
        }, HostResolver.class);
    }

    @Test
    void shouldSignEachMessageSoThatAnIndependentStandardWebhooksVerifierAcceptsIt() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            UUID clientId = clinic.createClient();
            clinic.createGoal(clientId);

            deliverUntil(clinic, () -> receiver.received().size() == 1);

            Received got = receiver.received().get(0);
            JsonNode payload = Json.parse(got.text());
            assertEquals(payload.path("id").asText(), got.id());
            assertTrue(new StandardWebhooksVerifier(webhook.secret()).verifies(got.id(), got.timestamp(), got.body(),
                    got.signature()), got.signature());
            assertFalse(new StandardWebhooksVerifier(WebhookSignatures.newSecret()).verifies(got.id(), got.timestamp(),
                    got.body(), got.signature()));
            assertTrue(Math.abs(Long.parseLong(got.timestamp()) - System.currentTimeMillis() / 1000) < 60);
        }
    }

    @Test
    void shouldSignWithBothSecretsDuringARotationSoEitherVerifies() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            JsonNode rotated = Json.of(clinic.admin().post("/v1/webhooks/{id}/secret-rotations", webhook.id())
                    .then().statusCode(200).extract().response());
            String newSecret = rotated.path("secret").asText();
            assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(webhook.secret()));
            assertTrue(rotated.has("previousSecretExpiresAt"));
            clinic.createGoal(clinic.createClient());

            deliverUntil(clinic, () -> receiver.received().size() == 1);

            Received got = receiver.received().get(0);
            assertEquals(2, got.signature().split(" ").length, got.signature());
            assertTrue(new StandardWebhooksVerifier(webhook.secret()).verifies(got.id(), got.timestamp(), got.body(),
                    got.signature()));
            assertTrue(new StandardWebhooksVerifier(newSecret).verifies(got.id(), got.timestamp(), got.body(),
                    got.signature()));
        }
    }

    @Test
    void shouldRetryAReceiverThatAnswers500TwiceAndDeliverTheThirdTimeWithTheSameWebhookId() throws Exception {
        try (Receiver receiver = new Receiver(Answer.of(500), Answer.of(503))) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            clinic.createGoal(clinic.createClient());

            deliverUntil(clinic, () -> delivered(clinic, webhook));

            List<Received> got = receiver.received();
            assertEquals(3, got.size());
            assertEquals(1, got.stream().map(Received::id).distinct().count());
            JsonNode message = Webhooks.messages(clinic, webhook.id()).get(0);
            assertEquals(3, message.path("attemptCount").asInt());
            JsonNode attempts = Webhooks.attempts(clinic, message.path("id").asText());
            assertEquals(List.of("500", "503", "200"), Json.texts(attempts, "statusCode"));
            assertEquals(List.of("retrying", "retrying", "delivered"), Json.texts(attempts, "outcome"));
            assertEquals("{\"status\":500}", attempts.get(0).path("responseBody").asText());
        }
    }

    @Test
    void shouldTimeOutAReceiverThatHangsAndTryAgain() throws Exception {
        Duration hang = config.timeout().plusSeconds(2);
        try (Receiver receiver = new Receiver(new Answer(200, Map.of(), hang))) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            clinic.createGoal(clinic.createClient());

            deliverUntil(clinic, () -> delivered(clinic, webhook));

            JsonNode attempts = Webhooks.attempts(clinic,
                    Webhooks.messages(clinic, webhook.id()).get(0).path("id").asText());
            assertEquals("timeout", attempts.get(0).path("error").asText());
            assertTrue(attempts.get(0).path("statusCode").isMissingNode());
            assertTrue(attempts.get(0).path("latencyMs").asLong() < hang.toMillis());
            assertEquals("delivered", attempts.get(1).path("outcome").asText());
        }
    }

    @Test
    void shouldFailTheMessageAtA400WithoutRetrying() throws Exception {
        try (Receiver receiver = new Receiver(Answer.of(400))) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            clinic.createGoal(clinic.createClient());

            deliverUntil(clinic, () -> "failed".equals(status(clinic, webhook)));
            dispatcher.dispatchNow(clinic.id);

            assertEquals(1, receiver.received().size());
            JsonNode message = Webhooks.messages(clinic, webhook.id()).get(0);
            assertEquals(1, message.path("attemptCount").asInt());
            assertTrue(message.path("nextAttemptAt").isMissingNode());
        }
    }

    @Test
    void shouldWaitAsLongAsA429sRetryAfterAsks() throws Exception {
        try (Receiver receiver = new Receiver(new Answer(429, Map.of("Retry-After", "2"), Duration.ZERO))) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            clinic.createGoal(clinic.createClient());

            deliverUntil(clinic, () -> delivered(clinic, webhook));

            List<Received> got = receiver.received();
            assertEquals(2, got.size());
            // The backoff alone would have tried again after about 200 ms.
            assertTrue(Duration.between(got.get(0).at(), got.get(1).at()).toMillis() >= 1900,
                    Duration.between(got.get(0).at(), got.get(1).at()).toString());
        }
    }

    @Test
    void shouldDeliverWhatACrashedDispatcherClaimedOnceItsLeaseEnds() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks webhook = Webhooks.create(clinic, receiver.url(), "goal.created");
            UUID clientId = clinic.createClient();
            for (int i = 0; i < 3; i++) {
                clinic.createGoal(clientId);
            }

            // A dispatcher claims the batch and dies before delivering any of it.
            assertEquals(3, outbox.claim(clinic.id, 10, config.lease()).size());
            assertEquals(0, dispatcher.dispatchNow(clinic.id), "claimed messages are not claimed twice");

            Thread.sleep(config.lease().toMillis() + 200);
            deliverUntil(clinic, () -> receiver.received().size() == 3);

            assertEquals(3, receiver.received().stream().map(Received::id).distinct().count());
            assertEquals(List.of("delivered", "delivered", "delivered"),
                    Json.texts(Webhooks.messages(clinic, webhook.id()), "status"));
        }
    }

    @Test
    void shouldDeliverEachMessageOnceWhenTwoDispatchersClaimAtTheSameTime() throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            Webhooks.create(clinic, receiver.url(), "attempt.created");
            UUID clientId = clinic.createClient();
            UUID assignmentId = clinic.createAssignment(clientId);
            int count = 40;
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(Map.of("id", UUID.randomUUID().toString(), "assignmentId", assignmentId.toString(),
                        "occurredAt", "2026-01-08T07:15:00+01:00", "outcome", "completed"));
            }
            clinic.clinician().body(Map.of("attempts", batch)).post("/v1/sync/attempts").then().statusCode(200);

            // Two dispatchers, as on two instances: each claims small batches until nothing is due.
            ExecutorService two = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                runs.add(two.submit(() -> {
                    start.await();
                    int claimedByMe = 0;
                    List<WebhookOutbox.Claimed> claimed;
                    while (!(claimed = outbox.claim(clinic.id, 3, config.lease())).isEmpty()) {
                        List<WebhookOutbox.Attempted> attempted = new ArrayList<>();
                        for (WebhookOutbox.Claimed message : claimed) {
                            attempted.add(new WebhookOutbox.Attempted(message, delivery.attempt(message)));
                        }
                        outbox.record(clinic.id, attempted, config.retryFor(), config.disableAfter());
                        claimedByMe += claimed.size();
                    }
                    return claimedByMe;
                }));
            }
            start.countDown();
            int first = runs.get(0).get(60, TimeUnit.SECONDS);
            int second = runs.get(1).get(60, TimeUnit.SECONDS);
            two.shutdown();

            assertEquals(count, first + second);
            assertTrue(first > 0 && second > 0, first + " and " + second);
            Set<String> ids = new HashSet<>();
            receiver.received().forEach(got -> ids.add(got.id()));
            assertEquals(count, receiver.received().size(), "each message once");
            assertEquals(count, ids.size());
        }
    }

    @Test
    void shouldRefuseAtCreationAnEndpointWhoseHostIsOrResolvesToAPrivateAddress() {
        TestClinic clinic = new TestClinic();
        dns.put("intranet.clinic.test", List.of(address("192.168.1.20")));
        dns.put("mixed.clinic.test", List.of(address("93.184.216.34"), address("10.0.0.7")));
        for (String url : List.of("http://10.1.2.3/hooks", "http://169.254.169.254/latest/meta-data",
                "http://[fd00:ec2::254]/", "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/",
                "https://intranet.clinic.test/hooks", "https://mixed.clinic.test/hooks",
                "ftp://ehr.example.org/hooks", "https://user:pw@ehr.example.org/hooks")) {
            var refused = clinic.admin().body(Map.of("url", url, "eventTypes", List.of("goal.created")))
                    .post("/v1/webhooks");
            Problems.assertInvalidField(refused, "url");
        }
    }

    @Test
    void shouldRefuseToDeliverToAHostThatNowResolvesToAPrivateAddressAndConnectToTheAddressItChecked()
            throws Exception {
        try (Receiver receiver = new Receiver()) {
            TestClinic clinic = new TestClinic();
            String host = "rebinding-" + UUID.randomUUID() + ".clinic.test";
            // Known only to the test's DNS: a delivery that reaches the receiver used the checked address.
            dns.put(host, List.of(address("127.0.0.1")));
            Webhooks webhook = Webhooks.create(clinic, "http://" + host + ":" + receiver.port() + "/hooks",
                    "goal.created");
            UUID clientId = clinic.createClient();
            clinic.createGoal(clientId);
            deliverUntil(clinic, () -> receiver.received().size() == 1);

            dns.put(host, List.of(address("10.20.30.40")));
            clinic.createGoal(clientId);
            deliverUntil(clinic, () -> Webhooks.messages(clinic, webhook.id()).get(1).path("attemptCount").asInt() >= 1);

            assertEquals(1, receiver.received().size());
            JsonNode refused = Webhooks.attempts(clinic,
                    Webhooks.messages(clinic, webhook.id()).get(1).path("id").asText()).get(0);
            assertEquals("address_refused", refused.path("error").asText());
            assertEquals("retrying", refused.path("outcome").asText());
        }
    }

    @Test
    void shouldRefuseLoopbackUnlessTheDevelopmentSettingAllowsIt() throws Exception {
        assertTrue(WebhookAddresses.refusal(address("127.0.0.1"), false).isPresent());
        assertTrue(WebhookAddresses.refusal(address("::1"), false).isPresent());
        assertFalse(WebhookAddresses.refusal(address("127.0.0.1"), true).isPresent());
        assertEquals("private", WebhookAddresses.refusal(address("10.0.0.1"), true).orElseThrow());
        assertEquals("cloud_metadata", WebhookAddresses.refusal(address("169.254.169.254"), true).orElseThrow());
        assertEquals("cloud_metadata", WebhookAddresses.refusal(address("fd00:ec2::254"), true).orElseThrow());
        assertEquals("carrier_grade_nat", WebhookAddresses.refusal(address("100.100.0.1"), true).orElseThrow());
        assertEquals("private", WebhookAddresses.refusal(address("64:ff9b::a00:1"), true).orElseThrow());
        assertFalse(WebhookAddresses.refusal(address("93.184.216.34"), false).isPresent());
        assertFalse(WebhookAddresses.refusal(address("2606:2800:220:1:248:1893:25c8:1946"), false).isPresent());
    }

    private void deliverUntil(TestClinic clinic, BooleanSupplier condition) {
        Receiver.until(condition, Duration.ofSeconds(30), () -> {
            try {
                dispatcher.dispatchNow(clinic.id);
            } catch (SQLException | InterruptedException failed) {
                throw new AssertionError(failed);
            }
        });
    }

    private static boolean delivered(TestClinic clinic, Webhooks webhook) {
        return "delivered".equals(status(clinic, webhook));
    }

    private static String status(TestClinic clinic, Webhooks webhook) {
        JsonNode messages = Webhooks.messages(clinic, webhook.id());
        return messages.size() == 0 ? null : messages.get(0).path("status").asText();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException(impossible);
        }
    }
}
