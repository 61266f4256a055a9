package com.homeworkapi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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
