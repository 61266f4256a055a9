package com.homeworkapi.webhook;

import com.homeworkapi.common.DaemonThreads;
import com.homeworkapi.webhook.WebhookOutbox.Attempted;
import com.homeworkapi.webhook.WebhookOutbox.Claimed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, on every instance: a loop claims due messages clinic by clinic (as many as
 * it has free slots, three per delivery thread, most urgent first) and hands each to a pool of
 * WEBHOOK_CONCURRENCY threads, so a slow endpoint holds one thread, not the loop. Unless a claim
 * took all it could, it then waits WEBHOOK_POLL_EVERY, or less when {@link #wake()} says an
 * urgent event committed: under a steady flow, what became due meanwhile is claimed in one batch.
 * Claims carry a lease (WEBHOOK_LEASE): what a crashed instance held is delivered by another
 * after it. A recorder thread writes the attempts in batches, so a delivery thread goes on to the
 * next message as soon as an answer came. Delivery is at least once: a receiver may see a message
 * twice, with the same {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final long FAILURE_PAUSE_MILLIS = 5_000;
    /** How long the recorder lets attempts gather before it writes them (see {@link #record()}). */
    private static final long RECORD_GATHER_MILLIS = 20;
    /** Put in the recorder's queue last, at shutdown: everything before it is written, then it ends. */
    private static final Unrecorded STOP = new Unrecorded(null);

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookDelivery delivery;

    @Inject
    WebhookConfig config;

    private final Object signal = new Object();
    private final BlockingQueue<Unrecorded> unrecorded = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread loop;
    private Thread recorder;
    private ExecutorService pool;
    private Semaphore slots;

    void start(@Observes StartupEvent started) {
        pool = Executors.newFixedThreadPool(config.concurrency(), DaemonThreads.named("webhook-delivery"));
        // Three messages per delivery thread: enough to claim in batches, few enough that a batch
        // to an endpoint that hangs (WEBHOOK_TIMEOUT each) is attempted and recorded within its
        // lease. A slot is free again once its attempt is recorded, so claims never outrun the
        // recorder.
        slots = new Semaphore(config.concurrency() * 3);
        recorder = new Thread(this::record, "webhook-recorder");
        recorder.setDaemon(true);
        recorder.start();
        if (!config.dispatcherEnabled()) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Stops claiming, gives the deliveries on the wire a moment to end, and records every attempt
     * that ended before the database goes. Messages claimed but not yet sent, and deliveries still
     * waiting for an answer after that moment, go out again once their lease ends (at least once).
     */
    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake();
        try {
            if (loop != null) {
                loop.interrupt();
                loop.join(5_000);
            }
            if (pool != null) {
                pool.shutdownNow();
                pool.awaitTermination(2, TimeUnit.SECONDS);
            }
            if (recorder != null) {
                unrecorded.add(STOP);
                recorder.join(5_000);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Looks for due messages now rather than after the poll interval (an urgent event committed). */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            boolean more = false;
            long idle = config.pollEvery().toMillis();
            try {
                for (UUID clinicId : outbox.clinics()) {
                    more |= dispatch(clinicId, false).full();
                }
            } catch (SQLException | RuntimeException failed) {
                // The database may be restarting: log the kind, wait longer, try again.
                LOG.warnf("Claiming webhook messages failed: %s", failed.getClass().getName());
                idle = Math.max(idle, FAILURE_PAUSE_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            // Unless a claim took all it asked for (more may be due), wait: what is due meanwhile is
            // claimed in one batch, not a statement per message.
            if (!more) {
                synchronized (signal) {
                    try {
                        signal.wait(Math.max(1, idle));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Claims the clinic's due messages and delivers them; with {@code wait}, returns once every
     * one of them has been attempted and recorded (tests call it so, in place of the loop).
     *
     * @return how many messages were claimed, and whether as many as could be
     */
    Round dispatch(UUID clinicId, boolean wait) throws SQLException, InterruptedException {
        // A batch's worth of slots at least: block for them rather than claim a message at a time
        // while the slots are busy.
        slots.acquire(config.concurrency());
        int free = config.concurrency() + slots.drainPermits();
        List<Claimed> claimed;
        try {
            claimed = outbox.claim(clinicId, free, config.lease());
        } catch (SQLException | RuntimeException failed) {
            slots.release(free);
            throw failed;
        }
        slots.release(Math.max(0, free - claimed.size()));
        List<Future<?>> running = new ArrayList<>(claimed.size());
        for (Claimed message : claimed) {
            try {
                // The slot is freed when the attempt is recorded (or could not be).
                running.add(pool.submit(() -> deliver(message, wait)));
            } catch (RejectedExecutionException shuttingDown) {
                slots.release(); // left to its lease
            }
        }
        if (wait) {
            for (Future<?> delivering : running) {
                try {
                    delivering.get(config.timeout().toMillis() + 60_000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException failed) {
                    LOG.warnf("A webhook delivery did not end: %s", failed.getClass().getName());
                }
            }
        }
        return new Round(claimed.size(), claimed.size() == free);
    }

    /** What one claim took. */
    record Round(int claimed, boolean full) {
    }

    /** Delivers what is due for one clinic now and waits for it; for tests and tools. */
    public int dispatchNow(UUID clinicId) throws SQLException, InterruptedException {
        return dispatch(clinicId, true).claimed();
    }

    /**
     * Attempts the message and hands the attempt to the recorder; with {@code untilRecorded},
     * returns once it is recorded (or recording it failed).
     */
    private void deliver(Claimed message, boolean untilRecorded) {
        Unrecorded attempt;
        try {
            attempt = new Unrecorded(new Attempted(message, delivery.attempt(message)));
        } catch (RuntimeException failed) {
            // Not recorded: the lease runs out and the message is claimed again.
            LOG.warnf("Delivering webhook message %s failed: %s", message.messageId(), failed.getClass().getName());
            slots.release();
            return;
        }
        unrecorded.add(attempt);
        if (untilRecorded) {
            try {
                if (!attempt.recorded().await(60, TimeUnit.SECONDS)) {
                    LOG.warnf("The attempt at webhook message %s was not recorded within 60 s", message.messageId());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The recorder: writes attempts in batches, one transaction per clinic for what ended within
     * {@link #RECORD_GATHER_MILLIS} of the first, so under load a transaction records many
     * deliveries and delivery threads go on to the next message without waiting for the database.
     * Until its attempt is written a message keeps its slot, and stays leased (it is not claimed
     * again) for as long as the lease lasts. If the write fails, the lease runs out and the
     * message goes out again, as at least once allows. Only {@link #STOP} ends it.
     */
    private void record() {
        List<Unrecorded> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                Unrecorded first = unrecorded.take();
                batch.add(first);
                if (first != STOP) {
                    Thread.sleep(RECORD_GATHER_MILLIS);
                }
            } catch (InterruptedException ignored) {
                // Only STOP ends the recorder: without it, every later attempt would go unrecorded.
            }
            unrecorded.drainTo(batch);
            stop = batch.removeIf(attempt -> attempt == STOP);
            try {
                recordAll(batch);
            } catch (RuntimeException | Error unexpected) {
                // Kept alive whatever happened: the attempts not written go out again after their lease.
                LOG.errorf("Recording webhook attempts failed: %s", unexpected.getClass().getName());
            }
            batch.clear();
        }
    }

    private void recordAll(List<Unrecorded> batch) {
        Map<UUID, List<Unrecorded>> byClinic = new HashMap<>();
        for (Unrecorded next : batch) {
            byClinic.computeIfAbsent(next.attempted().message().clinicId(), clinic -> new ArrayList<>()).add(next);
        }
        byClinic.forEach((clinicId, attempts) -> {
            try {
                outbox.record(clinicId, attempts.stream().map(Unrecorded::attempted).toList(), config.retryFor(),
                        config.disableAfter());
            } catch (SQLException | RuntimeException failed) {
                // Not recorded: the leases run out and the messages are claimed again.
                LOG.warnf("Recording %d webhook attempts failed: %s", attempts.size(), failed.getClass().getName());
            } finally {
                attempts.forEach(attempt -> {
                    attempt.recorded().countDown();
                    slots.release();
                });
            }
        });
    }

    /** An attempt waiting for its record. */
    private record Unrecorded(Attempted attempted, CountDownLatch recorded) {

        Unrecorded(Attempted attempted) {
            this(attempted, new CountDownLatch(1));
        }
    }

}
