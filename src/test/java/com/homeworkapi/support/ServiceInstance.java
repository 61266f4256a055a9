package com.homeworkapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the packaged service ({@code target/quarkus-app}, built by the package phase)
 * in a JVM of its own, in its production profile with the settings it is given, as a deployment
 * runs it. It listens on ports the operating system picks, read back from its start-up log, so
 * instances never race each other or other test runs for a fixed port. For tests of what several
 * instances do together on one database.
 */
public final class ServiceInstance implements AutoCloseable {

    /** A JVM start on a loaded 2-core machine can take tens of seconds; past this it is broken. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(180);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
    private static final Pattern API_PORT = Pattern.compile("Listening on: https?://[^\\s]+?:(\\d+)");
    private static final Pattern MANAGEMENT_PORT = Pattern.compile(
            "Management interface listening on https?://[^\\s]+?:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final String name;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    private int apiPort;
    private int managementPort;

    private ServiceInstance(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        // Should the test JVM die without closing it, the instance must not outlive the build.
        this.killOnExit = new Thread(process::destroyForcibly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the packaged service with these environment variables (the README's settings) and
     * waits until it answers ready on its management port.
     *
     * @param jvmOptions system properties and JVM flags, before {@code -jar}
     */
    public static ServiceInstance start(String name, Path runnerJar, Map<String, String> environment,
            List<String> jvmOptions) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: these tests run after the package phase"
                    + " (./mvnw verify)");
        }
        Path log = runnerJar.getParent().getParent().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(runnerJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A profile or port set for the developer's own instance must not leak into this one.
        builder.environment().remove("QUARKUS_PROFILE");
        builder.environment().putAll(environment);
        ServiceInstance instance;
        try {
            instance = new ServiceInstance(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        try {
            instance.awaitReady();
        } catch (RuntimeException | Error failed) {
            instance.close();
            throw failed;
        }
        return instance;
    }

    public URI api(String path) {
        return URI.create("http://localhost:" + apiPort + path);
    }

    public URI management(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    /** The value of a Prometheus series (its first, should it carry labels) on the management port. */
    public double metric(String series) {
        String scraped = get(management("/q/metrics")).body();
        return scraped.lines().filter(line -> line.startsWith(series + " ") || line.startsWith(series + "{"))
                .findFirst().map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " exposes no series " + series));
    }

    /** Stops it as an orchestrator does (SIGTERM, then a grace period), killing it only past that. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (apiPort == 0 || managementPort == 0) {
            String started = logText();
            apiPort = port(API_PORT, started);
            managementPort = port(MANAGEMENT_PORT, started);
            pause(deadline, "to log its ports");
        }
        while (!answersReady()) {
            pause(deadline, "to answer ready on " + management("/q/health/ready"));
        }
    }

    private boolean answersReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(management("/q/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits a moment before looking again, failing with the instance's log once it died or took too long. */
    private void pause(Instant deadline, String awaited) {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + " before it came " + awaited
                    + "; its log (" + log + ") ends:\n" + tail());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new AssertionError(name + " took more than " + START_PATIENCE.toSeconds() + " s " + awaited
                    + "; its log (" + log + ") ends:\n" + tail());
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int port(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        return found.find() ? Integer.parseInt(found.group(1)) : 0;
    }

    private String logText() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException notYetWritten) {
            return "";
        }
    }

    private String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
