package io.trailwatch.simulator.sink;

import io.trailwatch.simulator.delivery.LogFile;

/** Where log files go: a directory, an S3-compatible endpoint (plus SQS notifications), or the HTTP intake. */
public interface LogFileSink extends AutoCloseable {

    /** Delivers one file or throws; a sink never drops a file silently. */
    void deliver(LogFile file) throws SinkException;

    /** Names the destination for messages, e.g. {@code s3://bucket at http://127.0.0.1:9000}. */
    String describe();

    @Override
    default void close() {
    }
}
