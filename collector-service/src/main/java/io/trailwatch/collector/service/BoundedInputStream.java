package io.trailwatch.collector.service;

import io.trailwatch.contracts.RejectionReason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts the bytes read through it and refuses to go past a size limit or, when it reads decompressed data, past
 * a compression ratio (a gzip bomb expands a few KB into GBs).
 */
final class BoundedInputStream extends FilterInputStream {

    private static final long RATIO_CHECK_AFTER = 16L * 1024 * 1024;

    private final long maxBytes;
    private final RejectionReason reason;
    private final LongSupplier compressedBytes;
    private final int maxRatio;
    private long count;

    /** Limits the raw (compressed or plain) input. */
    static BoundedInputStream raw(InputStream in, long maxBytes) {
        return new BoundedInputStream(in, maxBytes, RejectionReason.OBJECT_TOO_LARGE, null, 0);
    }

    /** Limits decompressed data, both in size and in ratio to {@code compressed}. */
    static BoundedInputStream decompressed(InputStream in, long maxBytes, BoundedInputStream compressed, int maxRatio) {
        return new BoundedInputStream(in, maxBytes, RejectionReason.DECOMPRESSED_TOO_LARGE, compressed::count, maxRatio);
    }

    private BoundedInputStream(InputStream in, long maxBytes, RejectionReason reason,
                               LongSupplier compressedBytes, int maxRatio) {
        super(in);
        this.maxBytes = maxBytes;
        this.reason = reason;
        this.compressedBytes = compressedBytes;
        this.maxRatio = maxRatio;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        count += n;
        if (count > maxBytes) {
            throw new InputRejectedException(reason, (reason == RejectionReason.OBJECT_TOO_LARGE
                    ? "input is larger than the limit of " : "decompressed input is larger than the limit of ")
                    + maxBytes + " bytes");
        }
        if (compressedBytes != null && count > RATIO_CHECK_AFTER) {
            long compressed = Math.max(1, compressedBytes.getAsLong());
            if (count / compressed > maxRatio) {
                throw new InputRejectedException(reason, "input expands more than " + maxRatio
                        + " times when decompressed (" + compressed + " bytes became more than " + count
                        + "): refused as a possible gzip bomb");
            }
        }
    }
}
