package io.trailwatch.simulator.delivery;

import io.trailwatch.simulator.truth.GroundTruthEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A log file that is still collecting records. Records are compressed as they come, in shuffled chunks, so a
 * file waiting for its delivery time holds compressed bytes only and its records are in no particular order, as
 * CloudTrail's are.
 */
public final class PendingFile {

    private static final int CHUNK = 64;
    private static final byte[] PREFIX = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "]}".getBytes(StandardCharsets.US_ASCII);

    private final String accountId;
    private final String region;
    private final long deliveryTime;
    private final SplittableRandom rng;
    private final int compressionLevel;
    private final List<byte[]> chunk = new ArrayList<>(CHUNK);
    private final List<GroundTruthEvent> truth = new ArrayList<>(0);
    private final List<String> runIds = new ArrayList<>(0);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private byte[] staging = new byte[64 * 1024];
    private OutputStream gzip;
    private int records;

    public PendingFile(String accountId, String region, long deliveryTime, SplittableRandom rng,
                       int compressionLevel) {
        this.accountId = accountId;
        this.region = region;
        this.deliveryTime = deliveryTime;
        this.rng = rng;
        this.compressionLevel = compressionLevel;
    }

    public long deliveryTime() {
        return deliveryTime;
    }

    /**
     * @param truthEntry ground truth when the record matches a CIS pattern, else null
     * @param runId      the scenario run the record belongs to, else null
     */
    public void add(byte[] json, GroundTruthEvent truthEntry, String runId) {
        chunk.add(json);
        records++;
        if (truthEntry != null) {
            truth.add(truthEntry);
        }
        if (runId != null) {
            runIds.add(runId);
        }
        if (chunk.size() == CHUNK) {
            writeChunk();
        }
    }

    /** Scenario run ids of the records in this file, one entry per scenario record. */
    public List<String> runIds() {
        return runIds;
    }

    /** Completes the gzip stream and names the file. */
    public LogFile close(String organisationId, String unique) {
        writeChunk();
        try {
            gzip().write(SUFFIX);
            gzip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = LogKeys.key(organisationId, accountId, region, deliveryTime, unique);
        return new LogFile(key, accountId, region, deliveryTime, bytes.toByteArray(), records, truth);
    }

    /** Releases the compressor of a file that will never be delivered. */
    public void discard() {
        if (gzip != null) {
            try {
                gzip.close();
            } catch (IOException ignored) {
                // Only native memory is released here; the bytes are dropped on purpose.
            }
        }
    }

    public SplittableRandom random() {
        return rng;
    }

    private void writeChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        for (int i = chunk.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            byte[] tmp = chunk.get(i);
            chunk.set(i, chunk.get(j));
            chunk.set(j, tmp);
        }
        int size = chunk.size();
        for (byte[] r : chunk) {
            size += r.length;
        }
        if (staging.length < size) {
            staging = new byte[Math.max(size, staging.length * 2)];
        }
        int p = 0;
        boolean first = records == chunk.size();
        for (byte[] r : chunk) {
            if (!first) {
                staging[p++] = ',';
            }
            first = false;
            System.arraycopy(r, 0, staging, p, r.length);
            p += r.length;
        }
        try {
            gzip().write(staging, 0, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk.clear();
    }

    private OutputStream gzip() throws IOException {
        if (gzip == null) {
            gzip = new LeveledGzip(bytes, compressionLevel);
            gzip.write(PREFIX);
        }
        return gzip;
    }

    /** GZIPOutputStream with a chosen compression level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 32 * 1024);
            def.setLevel(level);
        }
    }
}
