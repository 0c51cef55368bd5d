package io.trailwatch.simulator;

import io.trailwatch.simulator.delivery.GeneratorOutput;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.sink.LogFileSink;
import io.trailwatch.simulator.sink.RetryingSink;
import io.trailwatch.simulator.sink.SinkException;
import io.trailwatch.simulator.traffic.Rhythm;
import io.trailwatch.simulator.truth.GroundTruthWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the generator on its own thread and delivers files to a sink, either paced by a simulated clock
 * (real time, or faster by a speed factor) or as fast as the machine and the sink allow.
 *
 * <pre>{@code
 * SimulatorHandle sim = TrafficSimulator.builder()
 *         .seed(42)
 *         .sink(Sinks.s3(S3SinkConfig.local(URI.create("http://127.0.0.1:9000"), "trailwatch-cloudtrail", queueUrl)))
 *         .backfill(Duration.ofMinutes(30))
 *         .build()
 *         .start();
 * ...
 * sim.close();
 * }</pre>
 */
public final class TrafficSimulator {

    /** Simulated seconds generated per step when running as fast as possible (the stop flag is checked between). */
    private static final long FAST_STEP_SECONDS = 60;

    private final SimulationConfig config;
    private final long clockStart;
    private final Long end;
    private final double speed;
    private final LogFileSink sink;
    private final Path groundTruthPath;
    private final OutputStream groundTruthStream;
    private final SimulatorListener listener;
    private final AtomicBoolean started = new AtomicBoolean();
    private OutputStream groundTruth;

    private TrafficSimulator(Builder b, SimulationConfig config, long clockStart, Long end, LogFileSink sink) {
        this.config = config;
        this.clockStart = clockStart;
        this.end = end;
        this.speed = b.speed;
        this.sink = sink;
        this.groundTruthPath = b.groundTruthPath;
        this.groundTruthStream = b.groundTruthStream;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SimulationConfig config() {
        return config;
    }

    /**
     * Starts the simulator thread; a simulator starts once.
     *
     * @throws UncheckedIOException if the ground-truth file cannot be created
     */
    public SimulatorHandle start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this simulator has already been started; build a new one");
        }
        groundTruth = groundTruthStream;
        if (groundTruthPath != null) {
            try {
                Path parent = groundTruthPath.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                groundTruth = Files.newOutputStream(groundTruthPath);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the ground truth to " + groundTruthPath + ": "
                        + e.getMessage(), e);
            }
        }
        Runner runner = new Runner();
        Thread thread = new Thread(runner, "trailwatch-simulator");
        thread.setDaemon(true);
        runner.thread = thread;
        thread.start();
        return runner;
    }

    /** Carries a sink failure out of the generator's callback. */
    private static final class DeliveryFailure extends RuntimeException {
        DeliveryFailure(SinkException cause) {
            super(cause);
        }
    }

    private final class Runner implements Runnable, SimulatorHandle, GeneratorOutput {
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicLong files = new AtomicLong();
        private final AtomicLong records = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong runs = new AtomicLong();
        private volatile long generatedUntil = config.startEpochSecond();
        private volatile long lastDelivery = Long.MIN_VALUE;
        private volatile String lastKey;
        private volatile boolean stopping;
        private volatile Exception failure;
        private Thread thread;
        private GroundTruthWriter truth;

        @Override
        public void run() {
            CloudTrailGenerator generator = null;
            boolean completed = false;
            try {
                generator = new CloudTrailGenerator(config);
                if (groundTruth != null) {
                    truth = new GroundTruthWriter(groundTruth);
                    truth.meta(config, generator.organisation());
                    truth.flush();
                }
                long wallStart = System.nanoTime();
                while (!stopping) {
                    long target;
                    if (Double.isInfinite(speed)) {
                        target = generator.generatedUntil() + FAST_STEP_SECONDS;
                    } else {
                        double elapsed = (System.nanoTime() - wallStart) / 1e9;
                        target = clockStart + (long) Math.floor(elapsed * speed);
                    }
                    if (end != null) {
                        target = Math.min(target, end);
                    }
                    generator.generateUntil(target, this);
                    generatedUntil = generator.generatedUntil();
                    if (end != null && target >= end) {
                        generator.finish(this);
                        completed = true;
                        break;
                    }
                    if (!Double.isInfinite(speed)) {
                        pause(generator.nextDelivery(), target);
                    }
                }
            } catch (DeliveryFailure e) {
                if (!stopping) {
                    fail((Exception) e.getCause());
                }
            } catch (RuntimeException e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (generator != null && !completed) {
                    generator.discard();
                }
                closeQuietly();
                done.countDown();
            }
        }

        /** Sleeps until the next file is due on the simulated clock, at most a second (to notice a stop). */
        private void pause(OptionalLong next, long now) throws InterruptedException {
            long waitMillis = 1000;
            if (next.isPresent()) {
                double simSeconds = Math.max(0, next.getAsLong() - now);
                waitMillis = Math.min(waitMillis, (long) Math.ceil(simSeconds * 1000 / speed));
            }
            Thread.sleep(Math.max(5, waitMillis));
        }

        private void fail(Exception e) {
            failure = e;
            listener.failed(e);
        }

        private void closeQuietly() {
            try {
                if (truth != null) {
                    truth.close();
                }
            } catch (IOException | UncheckedIOException e) {
                if (failure == null) {
                    failure = new SimulatorException("could not close the ground truth: " + e.getMessage(), e);
                }
            }
            sink.close();
        }

        @Override
        public void file(LogFile file) {
            try {
                sink.deliver(file);
            } catch (SinkException e) {
                throw new DeliveryFailure(e);
            }
            files.incrementAndGet();
            records.addAndGet(file.records());
            bytes.addAndGet(file.content().length);
            lastDelivery = file.deliveryTime();
            lastKey = file.key();
            if (truth != null) {
                truth.file(file);
                truth.flush();
            }
            listener.fileDelivered(file);
        }

        @Override
        public void scenarioCompleted(ScenarioRun run) {
            runs.incrementAndGet();
            if (truth != null) {
                truth.scenario(run);
                truth.flush();
            }
            listener.scenarioCompleted(run);
        }

        @Override
        public boolean isRunning() {
            return done.getCount() > 0;
        }

        @Override
        public SimulatorStats stats() {
            long last = lastDelivery;
            return new SimulatorStats(files.get(), records.get(), bytes.get(), runs.get(),
                    Instant.ofEpochSecond(generatedUntil), last == Long.MIN_VALUE ? null : Instant.ofEpochSecond(last),
                    lastKey);
        }

        @Override
        public Optional<Exception> failure() {
            return Optional.ofNullable(failure);
        }

        @Override
        public SimulatorStats await() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorException("interrupted while waiting for the simulator", e);
            }
            throwIfFailed();
            return stats();
        }

        @Override
        public boolean await(Duration timeout) {
            try {
                boolean finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (finished) {
                    throwIfFailed();
                }
                return finished;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorException("interrupted while waiting for the simulator", e);
            }
        }

        private void throwIfFailed() {
            if (failure != null) {
                throw new SimulatorException(failure.getMessage(), failure);
            }
        }

        @Override
        public void close() {
            stopping = true;
            if (thread != Thread.currentThread()) {
                thread.interrupt();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Builds a simulator; only the sink is required. */
    public static final class Builder {
        private long seed = 1;
        private OrganisationConfig organisation = OrganisationConfig.defaults();
        private Instant start;
        private Duration backfill = Duration.ZERO;
        private Duration duration;
        private double eventsPerSecond = SimulationConfig.DEFAULT_EVENTS_PER_SECOND;
        private Rhythm rhythm = Rhythm.weekly(1);
        private double speed = 1.0;
        private ScenarioSchedule scenarios = ScenarioSchedule.demo();
        private LogFileSink sink;
        private int attempts = 6;
        private Duration firstBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(15);
        private Path groundTruthPath;
        private OutputStream groundTruthStream;
        private SimulatorListener listener = new SimulatorListener() {
        };
        private int compressionLevel = SimulationConfig.DEFAULT_COMPRESSION_LEVEL;

        private Builder() {
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder organisation(OrganisationConfig value) {
            this.organisation = Objects.requireNonNull(value);
            return this;
        }

        /** The simulated "now" when the simulator starts; default: the wall clock, to the second. */
        public Builder start(Instant value) {
            this.start = value;
            return this;
        }

        /** Also generate this much history before {@code start}, immediately. */
        public Builder backfill(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("backfill must not be negative, got " + value);
            }
            this.backfill = value;
            return this;
        }

        /** Stop after this much simulated time past {@code start}; default: run until closed. */
        public Builder duration(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("duration must be positive, got " + value);
            }
            this.duration = value;
            return this;
        }

        /** Mean events per simulated second (real-time mode: per wall second). */
        public Builder eventsPerSecond(double value) {
            this.eventsPerSecond = value;
            return this;
        }

        public Builder rhythm(Rhythm value) {
            this.rhythm = Objects.requireNonNull(value);
            return this;
        }

        /** Simulated seconds per wall second; 1 is real time. */
        public Builder speed(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("speed must be positive, got " + value);
            }
            this.speed = value;
            return this;
        }

        /** Compressed time: generate as fast as the machine and the sink allow. */
        public Builder asFastAsPossible() {
            this.speed = Double.POSITIVE_INFINITY;
            return this;
        }

        public Builder scenarios(ScenarioSchedule value) {
            this.scenarios = Objects.requireNonNull(value);
            return this;
        }

        /** Where files go; the simulator closes it when it stops. */
        public Builder sink(LogFileSink value) {
            this.sink = Objects.requireNonNull(value);
            return this;
        }

        /** Delivery tries per file (default 6) and the first backoff (doubling, at most 15 s). */
        public Builder retries(int totalAttempts, Duration firstWait) {
            this.attempts = totalAttempts;
            this.firstBackoff = firstWait;
            return this;
        }

        /** Write the ground truth (JSON Lines) to this file. */
        public Builder groundTruth(Path path) {
            this.groundTruthPath = path;
            this.groundTruthStream = null;
            return this;
        }

        /** Write the ground truth to this stream; the simulator closes it. */
        public Builder groundTruth(OutputStream stream) {
            this.groundTruthStream = stream;
            this.groundTruthPath = null;
            return this;
        }

        public Builder listener(SimulatorListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        public Builder compressionLevel(int level) {
            this.compressionLevel = level;
            return this;
        }

        public TrafficSimulator build() {
            if (sink == null) {
                throw new IllegalStateException("a sink is required (Sinks.directory, Sinks.s3 or Sinks.httpIntake)");
            }
            Instant now = (start != null ? start : Instant.now()).truncatedTo(ChronoUnit.SECONDS);
            Instant first = now.minus(backfill);
            SimulationConfig config = new SimulationConfig(seed, organisation, first, eventsPerSecond, rhythm,
                    scenarios, compressionLevel);
            Long endSecond = duration == null ? null : now.plus(duration).getEpochSecond();
            LogFileSink retrying = new RetryingSink(sink, attempts, firstBackoff, maxBackoff);
            return new TrafficSimulator(this, config, now.getEpochSecond(), endSecond, retrying);
        }
    }
}
