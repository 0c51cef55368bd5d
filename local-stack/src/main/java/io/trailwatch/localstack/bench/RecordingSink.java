package io.trailwatch.localstack.bench;

import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.sink.LogFileSink;
import io.trailwatch.simulator.sink.SinkException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Passes files on to another sink and notes each one once it has been delivered, with the time; optionally lets
 * an observer look at the file's bytes too (on the simulator thread).
 */
public final class RecordingSink implements LogFileSink {

    private final LogFileSink target;
    private final Consumer<LogFile> observer;
    private final List<DeliveredFile> delivered = new ArrayList<>();

    public RecordingSink(LogFileSink target, Consumer<LogFile> observer) {
        this.target = target;
        this.observer = observer;
    }

    public RecordingSink(LogFileSink target) {
        this(target, file -> {
        });
    }

    @Override
    public void deliver(LogFile file) throws SinkException {
        target.deliver(file);
        long at = System.currentTimeMillis();
        DeliveredFile entry = new DeliveredFile(file.key(), file.records(), file.content().length, md5(file.content()),
                at, file.truth());
        synchronized (delivered) {
            delivered.add(entry);
        }
        observer.accept(file);
    }

    /** The files delivered so far, in delivery order. */
    public List<DeliveredFile> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void close() {
        target.close();
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
