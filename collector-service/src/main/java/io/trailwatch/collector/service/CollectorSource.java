package io.trailwatch.collector.service;

import java.time.Duration;

/** A configured place CloudTrail files come from (an SQS queue, a bucket listing), running on its own threads. */
public interface CollectorSource {

    /** {@code sqs/<name>} or {@code s3/<name>}: names the source in health checks, metrics and logs. */
    String id();

    /** Starts the source's threads; returns at once. */
    void start();

    /** Stops taking new work and waits up to {@code grace} for the work in progress, then releases everything. */
    void stop(Duration grace);

    /** Whether the source's queue or bucket answered recently (asks it when the last answer is too old). */
    Reachability.Status reachability();
}
