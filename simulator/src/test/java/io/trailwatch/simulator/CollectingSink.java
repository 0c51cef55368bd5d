package io.trailwatch.simulator;

import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.sink.LogFileSink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every delivered file in memory. */
final class CollectingSink implements LogFileSink {

    private final List<LogFile> files = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    @Override
    public void deliver(LogFile file) {
        files.add(file);
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        closed = true;
    }

    List<LogFile> files() {
        synchronized (files) {
            return List.copyOf(files);
        }
    }

    boolean closed() {
        return closed;
    }
}
