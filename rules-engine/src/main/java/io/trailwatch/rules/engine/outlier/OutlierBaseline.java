package io.trailwatch.rules.engine.outlier;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The state of one series (one detector and group): the recent slice values and the current run of
 * indicators. A streaming caller keeps one per group in a state store ({@link #toBytes()} /
 * {@link #restore}) and feeds each closed slice to {@link #next}; the batch CLI uses the same class.
 *
 * <p>Slices must arrive in increasing order. Slices skipped between two calls count as slices with value
 * 0, as a gap in the data means no matching events.
 *
 * <p>Not thread-safe: one series is updated by one thread at a time.
 */
public final class OutlierBaseline {

    private static final byte FORMAT = 1;
    private static final long NONE = Long.MIN_VALUE;

    private final OutlierParameters parameters;
    private final long sliceMillis;
    private final int lag;
    /** Ring of the last {@code window * lag} values; slice number n (0-based) lives at n mod length. */
    private final long[] history;
    /** Number of slices recorded in {@link #history} order (gaps included). */
    private long seen;
    private long lastSliceStart = NONE;
    /** Indicators in a row ending with the last slice. */
    private int run;

    public OutlierBaseline(OutlierParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.sliceMillis = parameters.sliceMillis();
        this.lag = parameters.lag();
        this.history = new long[parameters.window() * lag];
    }

    /**
     * Judges the slice starting at {@code sliceStart} (epoch milliseconds, aligned to the time slice) with
     * {@code value} matching events, then adds it to the baseline.
     *
     * @throws IllegalArgumentException if the slice is not aligned, not after the previous one, or the value
     *     is negative
     */
    public OutlierVerdict next(long sliceStart, long value) {
        if (Math.floorMod(sliceStart, sliceMillis) != 0) {
            throw new IllegalArgumentException("slice start " + sliceStart + " is not aligned to "
                    + Timeslice.format(parameters.timeslice()));
        }
        if (value < 0) {
            throw new IllegalArgumentException("slice value must not be negative, was " + value);
        }
        if (lastSliceStart != NONE) {
            if (sliceStart <= lastSliceStart) {
                throw new IllegalArgumentException("slice " + sliceStart + " is not after the last slice "
                        + lastSliceStart);
            }
            long missing = (sliceStart - lastSliceStart) / sliceMillis - 1;
            // After history.length empty slices the history is all zeros and the run is broken; more change nothing.
            long replayed = Math.min(missing, history.length + 1L);
            for (long i = 0; i < replayed; i++) {
                judge(0);
            }
            seen += missing - replayed;
        }
        lastSliceStart = sliceStart;
        return judge(value).at(sliceStart);
    }

    /** Epoch milliseconds of the last slice fed to {@link #next}, or null before the first one. */
    public Long lastSliceStart() {
        return lastSliceStart == NONE ? null : lastSliceStart;
    }

    private Judgement judge(long value) {
        int window = parameters.window();
        Double mean = null;
        Double stddev = null;
        Double upper = null;
        Double lower = null;
        boolean indicator = false;
        if (seen >= (long) window * lag) {
            double sum = 0;
            for (int k = 1; k <= window; k++) {
                sum += previous(k);
            }
            double m = sum / window;
            double squares = 0;
            for (int k = 1; k <= window; k++) {
                double d = previous(k) - m;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / window);
            mean = m;
            stddev = sd;
            upper = m + parameters.threshold() * sd;
            lower = m - parameters.threshold() * sd;
            indicator = value >= parameters.minCount() && parameters.direction().flags(value > upper, value < lower);
        }
        run = indicator ? (run < Integer.MAX_VALUE ? run + 1 : run) : 0;
        boolean violation = indicator && run >= parameters.consecutive();
        history[(int) (seen % history.length)] = value;
        seen++;
        return new Judgement(value, mean, stddev, upper, lower, indicator, violation);
    }

    /** The value {@code k} baseline steps back: k slices, or k weeks when seasonal. */
    private long previous(int k) {
        return history[(int) Math.floorMod(seen - (long) k * lag, (long) history.length)];
    }

    private record Judgement(long value, Double mean, Double stddev, Double upper, Double lower, boolean indicator,
            boolean violation) {
        OutlierVerdict at(long sliceStart) {
            return new OutlierVerdict(sliceStart, value, mean, stddev, upper, lower, indicator, violation);
        }
    }

    /**
     * A compact binary form for a state store: format byte, last slice, indicator run, then the known values
     * oldest first as unsigned variable-length integers (a quiet series of 10 slices takes about 30 bytes).
     */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + history.length);
        out.write(FORMAT);
        writeLong(out, lastSliceStart);
        writeVarLong(out, run);
        long known = Math.min(seen, history.length);
        writeVarLong(out, known);
        for (long i = seen - known; i < seen; i++) {
            writeVarLong(out, history[(int) (i % history.length)]);
        }
        return out.toByteArray();
    }

    /**
     * Rebuilds a baseline from {@link #toBytes()}. When the parameters changed since it was saved, the newest
     * values that fit the new history are kept, and a longer window waits for enough slices again.
     *
     * @throws IllegalArgumentException when the bytes are not a saved baseline
     */
    public static OutlierBaseline restore(OutlierParameters parameters, byte[] bytes) {
        OutlierBaseline baseline = new OutlierBaseline(parameters);
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != FORMAT) {
                throw new IllegalArgumentException("not a saved outlier baseline (unknown format " + bytes[0] + ")");
            }
            baseline.lastSliceStart = in.getLong();
            long run = readVarLong(in);
            long known = readVarLong(in);
            long kept = Math.min(known, baseline.history.length);
            for (long i = 0; i < known; i++) {
                long value = readVarLong(in);
                if (i >= known - kept) {
                    baseline.history[(int) (baseline.seen % baseline.history.length)] = value;
                    baseline.seen++;
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("not a saved outlier baseline (" + in.remaining()
                        + " trailing bytes)");
            }
            baseline.run = (int) Math.min(run, Integer.MAX_VALUE);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("not a saved outlier baseline (truncated)", e);
        }
        return baseline;
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a saved outlier baseline (bad number)");
    }
}
