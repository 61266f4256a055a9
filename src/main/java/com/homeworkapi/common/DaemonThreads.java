package com.homeworkapi.common;

import java.util.concurrent.ThreadFactory;

/** Threads for the service's own background work: named for thread dumps, and never keeping the JVM alive at shutdown. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
