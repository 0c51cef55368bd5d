package io.trailwatch.simulator;

import io.trailwatch.simulator.delivery.DeliveryModel;
import io.trailwatch.simulator.delivery.GeneratorOutput;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.delivery.PendingFile;
import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.EventWriter;
import io.trailwatch.simulator.org.Organisation;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.random.Seeds;
import io.trailwatch.simulator.scenario.ScenarioContext;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.traffic.BackgroundTraffic;
import io.trailwatch.simulator.traffic.IdentityFactory;
import io.trailwatch.simulator.truth.CisClassifier;
import io.trailwatch.simulator.truth.GroundTruthEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates an organisation's CloudTrail in simulated time and hands out log files in delivery order.
 *
 * <p>Time advances in fixed 10-second slices, each with its own random stream; files are cut when their delivery
 * time has been generated past. Output therefore depends only on the configuration, never on how far each
 * {@link #generateUntil} call reaches. Not thread-safe.
 */
public final class CloudTrailGenerator {

    static final long SLICE_SECONDS = 10;

    /** Orders pending files by delivery time, then stream. */
    private record Slot(long delivery, int stream) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot o) {
            int c = Long.compare(delivery, o.delivery);
            return c != 0 ? c : Integer.compare(stream, o.stream);
        }
    }

    private final SimulationConfig config;
    private final Organisation org;
    private final IdentityFactory ids;
    private final BackgroundTraffic background;
    private final EventWriter writer = new EventWriter();
    private final DeliveryModel delivery;
    private final int regionCount;
    private final long start;
    private final TreeMap<Slot, PendingFile> pending = new TreeMap<>();
    private final Map<String, ScenarioRun> runs = new HashMap<>();
    private long generated;
    private long sliceNumber;

    public CloudTrailGenerator(SimulationConfig config) {
        this.config = config;
        this.org = Organisation.create(config.seed(), config.organisation());
        this.ids = new IdentityFactory(org, config.seed());
        this.background = new BackgroundTraffic(org, ids);
        this.regionCount = org.regions().size();
        this.delivery = new DeliveryModel(config.seed(), org.accounts().size() * regionCount);
        this.start = config.startEpochSecond();
        this.generated = start;
    }

    public Organisation organisation() {
        return org;
    }

    public SimulationConfig config() {
        return config;
    }

    /** Epoch second up to which records have been generated. */
    public long generatedUntil() {
        return generated;
    }

    /** Delivery time of the next pending file, if any. */
    public OptionalLong nextDelivery() {
        return pending.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pending.firstKey().delivery());
    }

    /** Generates up to the epoch second {@code until} and hands out every file due by then. */
    public void generateUntil(long until, GeneratorOutput out) {
        while (generated < until) {
            generateSlice();
        }
        flush(Math.min(until, generated), out);
    }

    /** Delivers every pending file, so each generated record ends up in a file. */
    public void finish(GeneratorOutput out) {
        flush(Long.MAX_VALUE, out);
    }

    /** Drops pending files without delivering them (when a continuous run is stopped). */
    public void discard() {
        pending.values().forEach(PendingFile::discard);
        pending.clear();
    }

    private void generateSlice() {
        long from = generated;
        long to = from + SLICE_SECONDS;
        SplittableRandom rng = Seeds.random(config.seed(), Seeds.label("slice"), sliceNumber);
        for (ScenarioSchedule.Planned planned : config.scenarios().between(config.seed(), start, from, to)) {
            inject(planned);
        }
        background.generate(from, to, config.eventsPerSecond(), config.rhythm(), rng, e -> accept(e, from, rng));
        generated = to;
        sliceNumber++;
    }

    private void inject(ScenarioSchedule.Planned planned) {
        String runId = planned.scenario().name() + "#" + planned.occurrence();
        SplittableRandom rng = Seeds.random(config.seed(), Seeds.label(planned.scenario().name()),
                planned.occurrence());
        ScenarioContext ctx = new ScenarioContext(org, ids, runId, planned.start(), rng);
        planned.scenario().inject(ctx);
        List<CloudTrailEvent> events = ctx.events();
        ScenarioRun run = new ScenarioRun(runId, planned.scenario(), planned.start(), events, ctx.summary());
        runs.put(runId, run);
        for (CloudTrailEvent e : events) {
            accept(e, generated, rng);
        }
    }

    /** Files up to {@code sliceStart} may already be out, so a record always goes to a later one. */
    private void accept(CloudTrailEvent e, long sliceStart, SplittableRandom rng) {
        List<String> rules = CisClassifier.matches(e);
        GroundTruthEvent truth = rules.isEmpty() ? null : new GroundTruthEvent(e.eventId(), e.eventTime(),
                e.accountId(), e.region(), e.eventSource(), e.eventName(), e.identity().type(),
                e.origin().wireName(), e.scenarioRunId(), rules);
        byte[] json = writer.toJson(e);
        int stream = e.account().index() * regionCount + org.regions().indexOf(e.region());
        long ready = Math.max(e.eventTime() + delivery.processingDelay(e.punctual(), rng), sliceStart + 1);
        long at = delivery.deliveryAtOrAfter(stream, ready);
        Slot slot = new Slot(at, stream);
        PendingFile file = pending.get(slot);
        if (file == null) {
            file = new PendingFile(e.accountId(), e.region(), at,
                    Seeds.random(config.seed(), Seeds.label("file"), stream, at), config.compressionLevel());
            pending.put(slot, file);
        }
        file.add(json, truth, e.scenarioRunId());
    }

    private void flush(long limit, GeneratorOutput out) {
        while (!pending.isEmpty() && pending.firstKey().delivery() <= limit) {
            PendingFile file = pending.pollFirstEntry().getValue();
            LogFile logFile = file.close(org.id(), RandomIds.mixedAlnum(file.random(), 16));
            out.file(logFile);
            for (String runId : file.runIds()) {
                ScenarioRun run = runs.get(runId);
                if (run.delivered()) {
                    runs.remove(runId);
                    out.scenarioCompleted(run);
                }
            }
        }
    }
}
