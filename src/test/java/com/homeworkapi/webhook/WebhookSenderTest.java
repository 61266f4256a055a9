package com.homeworkapi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sender against receivers that misbehave below HTTP, on loopback sockets of the test's own. */
class WebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @Test
    void shouldEndATlsHandshakeThatTricklesInAtTheWholeDeliveryTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // After the ClientHello: the header of a 16 KiB handshake record, then a byte every
            // 100 ms, each well inside any per-read timeout.
            serveOnce(server, (connection, out) -> {
                connection.getInputStream().read(new byte[4096]);
                out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                while (true) {
                    out.flush();
                    Thread.sleep(100);
                    out.write(0);
                }
            });
            long started = System.nanoTime();
            WebhookSender.Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> post(server, "https"));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertEquals("timeout", answer.error());
            assertTrue(tookMillis < TIMEOUT.toMillis() + 1000, "took " + tookMillis + " ms");
        }
    }

    @Test
    void shouldKeepNoNulOfABinaryAnswerSoTheAttemptCanBeStored() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            serveOnce(server, (connection, out) -> {
                connection.getInputStream().read(new byte[4096]);
                byte[] body = {0x1f, (byte) 0x8b, 0x00, 0x00, 'o', 'k'};
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            });
            WebhookSender.Answer answer = post(server, "http");

            assertEquals(200, answer.statusCode());
            assertFalse(answer.body().contains("\u0000"), "PostgreSQL text cannot hold NUL");
            assertTrue(answer.body().endsWith("ok"));
        }
    }

    @Test
    void shouldSendTheNextDeliveryOnTheSameConnectionWhenTheAnswerEndedCleanly() throws Exception {
        try (KeepAliveReceiver receiver = new KeepAliveReceiver("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                Integer.MAX_VALUE)) {
            for (int i = 0; i < 3; i++) {
                WebhookSender.Answer answer = post(receiver.server, "http");
                assertEquals(200, answer.statusCode());
                assertEquals("ok", answer.body());
            }

            assertEquals(1, receiver.connections.get());
            assertEquals(3, receiver.requests.get());
        }
    }

    @Test
    void shouldOpenANewConnectionAfterAnAnswerThatClosesOrIsNotReadToItsEnd() throws Exception {
        String tooLong = "x".repeat(WebhookSender.MAX_BODY + 1);
        for (String answer : List.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
                "HTTP/1.1 200 OK\r\nContent-Length: " + tooLong.length() + "\r\n\r\n" + tooLong,
                "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            try (KeepAliveReceiver receiver = new KeepAliveReceiver(answer, Integer.MAX_VALUE)) {
                assertEquals(200, post(receiver.server, "http").statusCode());
                assertEquals(200, post(receiver.server, "http").statusCode());

                assertEquals(2, receiver.connections.get(), answer.substring(0, 40));
            }
        }
    }

    @Test
    void shouldDeliverOnANewConnectionWhenTheReceiverClosedTheIdleOne() throws Exception {
        // The receiver closes each connection after one answer without saying so, as at the end
        // of its idle timeout.
        try (KeepAliveReceiver receiver = new KeepAliveReceiver("HTTP/1.1 204 No Content\r\n\r\n", 1)) {
            assertEquals(204, post(receiver.server, "http").statusCode());
            Thread.sleep(100);
            WebhookSender.Answer second = post(receiver.server, "http");

            assertEquals(204, second.statusCode());
            assertEquals(2, receiver.connections.get());
            assertEquals(2, receiver.requests.get());
        }
    }

    /**
     * Answers every request on a connection with the same bytes, up to {@code perConnection}
     * answers, then closes it; counts connections and requests.
     */
    private static final class KeepAliveReceiver implements AutoCloseable {

        final ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();

        KeepAliveReceiver(String answer, int perConnection) throws IOException {
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket connection = server.accept();
                        connections.incrementAndGet();
                        Thread serving = new Thread(() -> serve(connection, answer, perConnection));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        private void serve(Socket connection, String answer, int perConnection) {
            try (connection) {
                InputStream in = new BufferedInputStream(connection.getInputStream());
                for (int served = 0; served < perConnection; served++) {
                    String head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
                    in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                    requests.incrementAndGet();
                    connection.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    connection.getOutputStream().flush();
                }
            } catch (IOException gone) {
                // the sender closed the connection
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.append((char) b);
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static WebhookSender.Answer post(ServerSocket server, String scheme) {
        URI url = URI.create(scheme + "://localhost:" + server.getLocalPort() + "/hook");
        return WebhookSender.post(url, InetAddress.getLoopbackAddress(), Map.of("webhook-id", "test"),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1), TIMEOUT);
    }

    @FunctionalInterface
    private interface Script {
        void run(Socket connection, OutputStream out) throws Exception;
    }

    private static void serveOnce(ServerSocket server, Script script) {
        Thread receiver = new Thread(() -> {
            try (Socket connection = server.accept()) {
                script.run(connection, connection.getOutputStream());
            } catch (IOException | InterruptedException closed) {
                // the sender hung up, or the test ended
            } catch (Exception unexpected) {
                throw new IllegalStateException(unexpected);
            }
        });
        receiver.setDaemon(true);
        receiver.start();
    }
}
