import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook benchmark's receiver (bench/webhooks/run.sh): a fast endpoint on loopback that
 * answers 204 at once and notes when each message arrived. POST anything: counted, and for an
 * attempt.created message its arrival time (epoch microseconds) and attemptId are kept.
 * GET /count answers how many messages arrived; GET /dump?file=PATH writes "micros attemptId"
 * lines there and forgets them.
 *
 *   java bench/webhooks/Receiver.java PORT
 */
public class Receiver {

    private static final String ATTEMPT_ID = "\"attemptId\":\"";

    public static void main(String[] args) throws IOException {
        AtomicLong received = new AtomicLong();
        ConcurrentLinkedQueue<String> arrivals = new ConcurrentLinkedQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String answer = "";
            if (exchange.getRequestMethod().equals("POST")) {
                Instant now = Instant.now();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.incrementAndGet();
                int at = body.indexOf(ATTEMPT_ID);
                if (at >= 0) {
                    String attemptId = body.substring(at + ATTEMPT_ID.length(), at + ATTEMPT_ID.length() + 36);
                    arrivals.add((now.getEpochSecond() * 1_000_000 + now.getNano() / 1000) + " " + attemptId);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/count")) {
                answer = Long.toString(received.get());
            } else if (path.equals("/dump")) {
                String file = exchange.getRequestURI().getQuery().substring("file=".length());
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(file)))) {
                    for (String line; (line = arrivals.poll()) != null; ) {
                        out.println(line);
                    }
                }
                answer = "written";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }
}
