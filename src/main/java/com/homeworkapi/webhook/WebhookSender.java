package com.homeworkapi.webhook;

import com.homeworkapi.common.DaemonThreads;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * HttpClient would. It never follows a redirect, and reads at most {@link #MAX_HEAD} bytes of
 * status line and header fields and {@link #MAX_BODY} bytes of body; the rest of a larger answer
 * is never read, and its connection is closed. A connection whose answer ended cleanly is kept
 * for the next delivery to the same address and host for {@link #IDLE_FOR}: a new TCP (and TLS)
 * connection per message cost more than the delivery itself.
 */
final class WebhookSender {

    static final int MAX_HEAD = 16 * 1024;
    static final int MAX_BODY = 1024;
    private static final int END_OF_HEAD = 0x0d0a0d0a;
    /** Below the shortest idle timeout common servers keep a connection for (Node.js: 5 s). */
    static final Duration IDLE_FOR = Duration.ofSeconds(4);
    private static final int IDLE_PER_ROUTE = 32;

    /** What came back: a status code, or why none did. */
    record Answer(Integer statusCode, String body, Optional<String> retryAfter, String error, long latencyMillis) {

        static Answer failed(String error, long latencyMillis) {
            return new Answer(null, null, Optional.empty(), error, latencyMillis);
        }
    }

    /** Closes the sockets of deliveries that outlive their whole-delivery timeout. */
    private static final ScheduledThreadPoolExecutor DEADLINES = new ScheduledThreadPoolExecutor(1,
            DaemonThreads.named("webhook-delivery-deadlines"));

    private static final IdleConnections IDLE = new IdleConnections();

    static {
        // A delivery's deadline is cancelled when it ends, a few milliseconds in: without this, each
        // would wait in the queue for the whole timeout, thousands of them under load.
        DEADLINES.setRemoveOnCancelPolicy(true);
        DEADLINES.scheduleWithFixedDelay(IDLE::closeExpired, 1, 1, TimeUnit.SECONDS);
    }

    private WebhookSender() {
    }

    /** Where a connection leads: the checked address, and the host its TLS was verified for. */
    private record Route(boolean https, String host, InetAddress address, int port) {
    }

    /** An open connection, with the reader that holds what was read ahead of its last answer. */
    private record Connection(Route route, Socket socket, InputStream in) {

        void close() {
            closeQuietly(socket);
        }
    }

    /** Open connections waiting for their route's next message; the most recently used first. */
    private static final class IdleConnections {

        private record Idle(Connection connection, long since) {
        }

        private final Map<Route, ConcurrentLinkedDeque<Idle>> byRoute = new ConcurrentHashMap<>();

        Connection take(Route route) {
            ConcurrentLinkedDeque<Idle> idle = byRoute.get(route);
            for (Idle next; idle != null && (next = idle.pollFirst()) != null; ) {
                if (System.nanoTime() - next.since() < IDLE_FOR.toNanos()) {
                    return next.connection();
                }
                next.connection().close();
            }
            return null;
        }

        void give(Connection connection) {
            ConcurrentLinkedDeque<Idle> idle = byRoute.computeIfAbsent(connection.route(),
                    route -> new ConcurrentLinkedDeque<>());
            if (idle.size() >= IDLE_PER_ROUTE) {
                connection.close();
                return;
            }
            idle.offerFirst(new Idle(connection, System.nanoTime()));
        }

        void closeExpired() {
            long now = System.nanoTime();
            for (ConcurrentLinkedDeque<Idle> idle : byRoute.values()) {
                // The oldest are last.
                for (Idle last; (last = idle.peekLast()) != null && now - last.since() >= IDLE_FOR.toNanos(); ) {
                    if (idle.removeLastOccurrence(last)) {
                        last.connection().close();
                    }
                }
            }
        }
    }

    static Answer post(URI url, InetAddress address, Map<String, String> headers, byte[] body, Duration connectTimeout,
            Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        Route route = new Route(https, url.getHost(), address, port);
        byte[] request = request(url, port, https, headers, body);
        for (Connection idle; (idle = IDLE.take(route)) != null; ) {
            Answer answer = exchange(idle, request, deadline, start, true);
            if (answer != null) {
                return answer;
            }
            // The receiver had closed it while idle: try the next, or a new connection.
        }
        Socket socket = new Socket();
        Connection fresh;
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
            Socket connected = https ? tls(socket, url.getHost(), port, deadline) : socket;
            fresh = new Connection(route, connected, new BufferedInputStream(connected.getInputStream(), 4096));
        } catch (IOException | RuntimeException failed) {
            closeQuietly(socket);
            return Answer.failed(failure(failed, pastDeadline.get()), elapsedMillis(start));
        } finally {
            watchdog.cancel(false);
        }
        return exchange(fresh, request, deadline, start, false);
    }

    /**
     * Sends the request on the connection and reads the answer; the connection goes back to the
     * idle ones when the answer allows it, and is closed otherwise. Returns null, for a connection
     * that was idle, when it turns out closed before any answer came (the receiver's idle timeout),
     * so the caller tries another: the message may then reach the receiver twice, as at least once
     * allows.
     */
    private static Answer exchange(Connection connection, byte[] request, long deadline, long start, boolean reused) {
        AtomicBoolean pastDeadline = new AtomicBoolean();
        ScheduledFuture<?> watchdog = DEADLINES.schedule(() -> {
            pastDeadline.set(true);
            connection.close();
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        boolean keep = false;
        try {
            connection.socket().setSoTimeout(remainingMillis(deadline));
            OutputStream out = connection.socket().getOutputStream();
            out.write(request);
            out.flush();
            Read read = read(connection.socket(), connection.in(), deadline, start);
            if (read == null) {
                return reused ? null : Answer.failed("connection_closed", elapsedMillis(start));
            }
            keep = read.reusable() && !pastDeadline.get();
            return read.answer();
        } catch (IOException | RuntimeException failed) {
            if (reused && !pastDeadline.get() && !(failed instanceof SocketTimeoutException)) {
                return null;
            }
            return Answer.failed(failure(failed, pastDeadline.get()), elapsedMillis(start));
        } finally {
            watchdog.cancel(false);
            if (keep) {
                IDLE.give(connection);
            } else {
                connection.close();
            }
        }
    }

    private static String failure(Exception failed, boolean pastDeadline) {
        if (pastDeadline || failed instanceof SocketTimeoutException) {
            return "timeout";
        }
        return failed instanceof SSLException ? "tls_failed" : "connection_failed";
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

    private static byte[] request(URI url, int port, boolean https, Map<String, String> headers, byte[] body) {
        byte[] head = head(url, port, https, headers, body.length);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
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
                .append("User-Agent: homework-api-webhooks/1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An answer, and whether its connection can carry the next request. */
    private record Read(Answer answer, boolean reusable) {
    }

    /** The answer; null when the connection was closed before its first byte. */
    private static Read read(Socket connection, InputStream in, long deadline, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != END_OF_HEAD) {
            connection.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : new Read(Answer.failed("invalid_response", elapsedMillis(start)), false);
            }
            head.write(b);
            if (head.size() > MAX_HEAD) {
                return new Read(Answer.failed("response_too_large", elapsedMillis(start)), false);
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
            return new Read(Answer.failed("invalid_response", latency), false);
        }
        Optional<String> retryAfter = Optional.empty();
        long contentLength = -1;
        boolean chunked = false;
        boolean close = !statusLine[0].equals("HTTP/1.1");
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
                case "connection" -> close |= value.toLowerCase(Locale.ROOT).contains("close");
                default -> {
                    // not needed
                }
            }
        }
        boolean noBody = status == 204 || status == 304;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean wholeBodyRead = noBody;
        if (!noBody) {
            try {
                wholeBodyRead = readBody(connection, in, deadline, chunked, contentLength, body);
            } catch (SocketTimeoutException slowBody) {
                // The status came in time; a body that trickles in after it is not waited for.
                body.reset();
            }
        }
        // PostgreSQL's text cannot hold NUL: a binary answer (gzip, an image) would fail the
        // attempt's record, and the message would go out again at every lease, never recorded.
        String text = body.toString(StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        // Kept for the next request only when this answer ended where the connection says it did.
        boolean reusable = status >= 200 && !close && wholeBodyRead && in.available() == 0;
        return new Read(new Answer(status, text, retryAfter, null, latency), reusable);
    }

    /**
     * Reads at most {@link #MAX_BODY} bytes of the body into {@code body}; true when that was the
     * whole body, so the connection stands at the end of this answer.
     */
    private static boolean readBody(Socket connection, InputStream in, long deadline, boolean chunked,
            long contentLength, ByteArrayOutputStream body) throws IOException {
        if (chunked) {
            while (body.size() < MAX_BODY) {
                String sizeLine = readLine(connection, in, deadline);
                int size;
                try {
                    size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
                } catch (NumberFormatException unreadable) {
                    return false;
                }
                if (size == 0) {
                    // Trailer fields, if any, up to the empty line that ends the answer.
                    for (int fields = 0; fields < 16; fields++) {
                        if (readLine(connection, in, deadline).isEmpty()) {
                            return true;
                        }
                    }
                    return false;
                }
                int wanted = Math.min(size, MAX_BODY - body.size());
                if (copy(connection, in, deadline, body, wanted) < wanted || wanted < size) {
                    return false;
                }
                readLine(connection, in, deadline);
            }
            return false;
        }
        long wanted = contentLength < 0 ? MAX_BODY : Math.min(contentLength, MAX_BODY);
        int read = copy(connection, in, deadline, body, (int) wanted);
        return contentLength >= 0 && read == contentLength;
    }

    private static int copy(Socket connection, InputStream in, long deadline, ByteArrayOutputStream to, int count)
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
        return read;
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
