package io.trailwatch.rules.engine.outlier;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batch evaluation, as the CLI does it: count events per group and slice, then judge every slice of each
 * group from its first to its last event's slice (empty slices in between count 0) with an
 * {@link OutlierBaseline}, exactly as a streaming caller would feed them.
 */
public final class OutlierSeries {

    /** Guard against a bogus eventTime stretching one group over millions of slices. */
    public static final long MAX_SLICES_PER_GROUP = 1_000_000;

    private final OutlierParameters parameters;
    private final Map<String, TreeMap<Long, long[]>> counts = new TreeMap<>();

    public OutlierSeries(OutlierParameters parameters) {
        this.parameters = parameters;
    }

    /** Counts one matching event of {@code group} at {@code eventTime}. */
    public void add(String group, Instant eventTime) {
        long slice = parameters.sliceStart(eventTime);
        counts.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(slice, s -> new long[1])[0]++;
    }

    /** Receives the verdicts, group by group (groups in name order), slices in time order. */
    @FunctionalInterface
    public interface VerdictHandler<E extends Exception> {
        void accept(String group, OutlierVerdict verdict) throws E;
    }

    /**
     * @throws IllegalStateException when a group spans more than {@link #MAX_SLICES_PER_GROUP} slices
     */
    public <E extends Exception> void forEachVerdict(VerdictHandler<E> handler) throws E {
        long step = parameters.sliceMillis();
        for (Map.Entry<String, TreeMap<Long, long[]>> group : counts.entrySet()) {
            TreeMap<Long, long[]> slices = group.getValue();
            long first = slices.firstKey();
            long last = slices.lastKey();
            if ((last - first) / step + 1 > MAX_SLICES_PER_GROUP) {
                throw new IllegalStateException("group '" + group.getKey() + "' spans " + ((last - first) / step + 1)
                        + " slices from " + Instant.ofEpochMilli(first) + " to " + Instant.ofEpochMilli(last)
                        + ", more than " + MAX_SLICES_PER_GROUP + "; check the records' eventTime or use a longer "
                        + "time slice");
            }
        }
        for (Map.Entry<String, TreeMap<Long, long[]>> group : counts.entrySet()) {
            TreeMap<Long, long[]> slices = group.getValue();
            OutlierBaseline baseline = new OutlierBaseline(parameters);
            for (long slice = slices.firstKey(); slice <= slices.lastKey(); slice += step) {
                long[] count = slices.get(slice);
                handler.accept(group.getKey(), baseline.next(slice, count == null ? 0 : count[0]));
            }
        }
    }
}
