import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook benchmark's receiver (bench/webhooks/run.sh): a fast endpoint on loopback that
 * answers 204 at once and notes when each message arrived. POST anything: counted, and for an
 * attempt.created message its arrival time (epoch microseconds) and attemptId are kept.
 * GET /count answers how many messages arrived; GET /dump?file=PATH writes "micros attemptId"
 * lines there and forgets them.
 *
 * HTTP/1.1 with keep-alive, a thread per connection and nothing else: what a receiver costs is
 * not what the benchmark measures, so it should cost as little as a real server can (the JDK's
 * HttpServer hands every request between two threads). Requests must carry Content-Length, as
 * the service's do.
 *
 *   java bench/webhooks/Receiver.java PORT
 */
public class Receiver {

    private static final byte[] ATTEMPT_ID = "\"attemptId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong received = new AtomicLong();
    private static final ConcurrentLinkedQueue<String> arrivals = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws IOException {
        ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 512, InetAddress.getLoopbackAddress());
        while (true) {
            Socket connection = server.accept();
            Thread serving = new Thread(() -> serve(connection));
            serving.setDaemon(true);
            serving.start();
        }
    }

    private static void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
            OutputStream out = connection.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                int length = contentLength(head);
                byte[] body = in.readNBytes(length);
                if (requestLine.startsWith("POST ")) {
                    Instant now = Instant.now();
                    received.incrementAndGet();
                    int at = indexOf(body, ATTEMPT_ID);
                    if (at >= 0) {
                        String attemptId = new String(body, at + ATTEMPT_ID.length, 36, StandardCharsets.US_ASCII);
                        arrivals.add((now.getEpochSecond() * 1_000_000 + now.getNano() / 1000) + " " + attemptId);
                    }
                    out.write(NO_CONTENT);
                } else {
                    out.write(answer(requestLine.split(" ")[1]));
                }
                out.flush();
            }
        } catch (IOException gone) {
            // the sender closed the connection
        }
    }

    private static byte[] answer(String target) throws IOException {
        String text = "";
        if (target.equals("/count")) {
            text = Long.toString(received.get());
        } else if (target.startsWith("/dump?file=")) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(target.substring("/dump?file=".length()))))) {
                for (String line; (line = arrivals.poll()) != null; ) {
                    out.println(line);
                }
            }
            text = "written";
        }
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + text.length() + "\r\n\r\n" + text)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The request line and header fields up to the empty line; null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(512);
        int lastFour = 0;
        while (lastFour != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
            lastFour = lastFour << 8 | b;
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
