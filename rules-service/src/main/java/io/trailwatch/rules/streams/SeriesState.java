package io.trailwatch.rules.streams;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.TreeMap;

/**
 * The state of one series (detector and group), kept in the {@code outlier-series-p<N>} store: the baseline of the
 * closed slices (the rules engine's compact {@code OutlierBaseline} bytes), the open slices' counts, and which
 * slice closes next.
 *
 * <p>A series is <em>live</em> while {@link #nextSlice} is set: every slice from its first event on closes with
 * a series point. Once its whole baseline history is empty slices, further empty slices would all be the same
 * point (value 0, mean 0, band 0–0, no outlier), so the series goes dormant and emits nothing until its next
 * event; the gap still counts as zeros in the baseline. Which slices get a point is therefore a function of the
 * counted events alone, not of when slices happen to close.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class SeriesState {

    static final long NONE = Long.MIN_VALUE;

    String detectorId;
    String group;
    /** The time slice the baseline was built with; a changed detector starts a new baseline. */
    long sliceMillis;
    /** {@code OutlierBaseline.toBytes()}, null before the first closed slice. */
    byte[] baseline;
    /** Start of the next slice to close, or {@link #NONE} while dormant. */
    long nextSlice = NONE;
    /** Start of the last closed slice with events, or {@link #NONE}. */
    long lastNonZero = NONE;
    /** Open slices with events, by slice start. */
    TreeMap<Long, SliceCounts> open = new TreeMap<>();

    SeriesState() {
    }

    SeriesState(String detectorId, String group, long sliceMillis) {
        this.detectorId = detectorId;
        this.group = group;
        this.sliceMillis = sliceMillis;
    }
}
