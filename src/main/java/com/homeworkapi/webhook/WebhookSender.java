package com.homeworkapi.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to one address. The JDK's HttpClient resolves the host itself and has no way
 * (before Java 18) to be told which address to use, so the check of {@link WebhookAddresses}
 * could be undone by a second DNS answer. This connects a socket to the address that was checked
 * and, for https, verifies the certificate against the URL's host name (with SNI) as the
 * HttpClient would. It never follows a redirect, closes the connection after one answer, and
 * reads at most {@link #MAX_HEAD} bytes of status line and header fields and {@link #MAX_BODY}
 * bytes of body; the rest of a larger answer is never read.
 */
final class WebhookSender {

    static final int MAX_HEAD = 16 * 1024;
    static final int MAX_BODY = 1024;
    private static final int END_OF_HEAD = 0x0d0a0d0a;

    /** What came back: a status code, or why none did. */
    record Answer(Integer statusCode, String body, Optional<String> retryAfter, String error, long latencyMillis) {

        static Answer failed(String error, long latencyMillis) {
            return new Answer(null, null, Optional.empty(), error, latencyMillis);
        }
    }

    /** Closes the sockets of deliveries that outlive their whole-delivery timeout. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-delivery-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private WebhookSender() {
    }

    static Answer post(URI url, InetAddress address, Map<String, String> headers, byte[] body, Duration connectTimeout,
            Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        Socket socket = new Socket();
        // Socket timeouts bound each read, not the delivery: a TLS handshake or record is many
        // reads, and a receiver that sends a byte now and then would hold this thread for hours.
        // Closing the socket at the deadline ends whatever read is waiting.
        AtomicBoolean pastDeadline = new AtomicBoolean();
        ScheduledFuture<?> watchdog = DEADLINES.schedule(() -> {
            pastDeadline.set(true);
            closeQuietly(socket);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            socket.connect(new InetSocketAddress(address, port),
                    (int) Math.max(1, Math.min(connectTimeout.toMillis(), timeout.toMillis())));
            Socket connection = https ? tls(socket, url.getHost(), port, deadline) : socket;
            try {
                connection.setSoTimeout(remainingMillis(deadline));
                OutputStream out = connection.getOutputStream();
                out.write(head(url, port, https, headers, body.length));
                out.write(body);
                out.flush();
                return read(connection, new BufferedInputStream(connection.getInputStream(), 4096), deadline, start);
            } finally {
                connection.close();
            }
        } catch (SocketTimeoutException timedOut) {
            return Answer.failed("timeout", elapsedMillis(start));
        } catch (ConnectException refused) {
            return Answer.failed(pastDeadline.get() ? "timeout" : "connection_failed", elapsedMillis(start));
        } catch (SSLException tls) {
            return Answer.failed(pastDeadline.get() ? "timeout" : "tls_failed", elapsedMillis(start));
        } catch (IOException | RuntimeException broken) {
            return Answer.failed(pastDeadline.get() ? "timeout" : "connection_failed", elapsedMillis(start));
        } finally {
            watchdog.cancel(false);
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed or never opened
        }
    }

    private static Socket tls(Socket socket, String host, int port, long deadline) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        // Verify the certificate against the URL's host, whatever address we connected to.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.startsWith("[") && !host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(remainingMillis(deadline));
        tls.startHandshake();
        return tls;
    }

    private static byte[] head(URI url, int port, boolean https, Map<String, String> headers, int length) {
        String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            target += "?" + url.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n")
                .append("User-Agent: homework-api-webhooks/1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Answer read(Socket connection, InputStream in, long deadline, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != END_OF_HEAD) {
            connection.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0) {
                return Answer.failed(head.size() == 0 ? "connection_closed" : "invalid_response", elapsedMillis(start));
            }
            head.write(b);
            if (head.size() > MAX_HEAD) {
                return Answer.failed("response_too_large", elapsedMillis(start));
            }
            lastFour = lastFour << 8 | b;
        }
        long latency = elapsedMillis(start);
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.") ? -1 : Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException notANumber) {
            status = -1;
        }
        if (status < 100 || status > 599) {
            return Answer.failed("invalid_response", latency);
        }
        Optional<String> retryAfter = Optional.empty();
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "retry-after" -> retryAfter = Optional.of(value);
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> {
                    // not needed
                }
            }
        }
        String body;
        try {
            body = readBody(connection, in, deadline, chunked, contentLength);
        } catch (SocketTimeoutException slowBody) {
            // The status came in time; a body that trickles in after it is not waited for.
            body = "";
        }
        return new Answer(status, body, retryAfter, null, latency);
    }

    private static String readBody(Socket connection, InputStream in, long deadline, boolean chunked,
            long contentLength) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (body.size() < MAX_BODY) {
                String sizeLine = readLine(connection, in, deadline);
                int size;
                try {
                    size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
                } catch (NumberFormatException unreadable) {
                    break;
                }
                if (size == 0) {
                    break;
                }
                copy(connection, in, deadline, body, Math.min(size, MAX_BODY - body.size()));
                if (body.size() < MAX_BODY) {
                    readLine(connection, in, deadline);
                }
            }
        } else {
            long wanted = contentLength < 0 ? MAX_BODY : Math.min(contentLength, MAX_BODY);
            copy(connection, in, deadline, body, (int) wanted);
        }
        // PostgreSQL's text cannot hold NUL: a binary answer (gzip, an image) would fail the
        // attempt's record, and the message would go out again at every lease, never recorded.
        return body.toString(StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    private static void copy(Socket connection, InputStream in, long deadline, ByteArrayOutputStream to, int count)
            throws IOException {
        byte[] buffer = new byte[count];
        int read = 0;
        while (read < count) {
            connection.setSoTimeout(remainingMillis(deadline));
            int n = in.read(buffer, read, count - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        to.write(buffer, 0, read);
    }

    private static String readLine(Socket connection, InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() < 256) {
            connection.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0 || b == '\n') {
                break;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
