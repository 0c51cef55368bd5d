package io.trailwatch.collector.service;

import io.trailwatch.contracts.RejectionReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Streams a CloudTrail log file ({@code {"Records":[...]}}) and hands over each element of {@code Records} as the
 * exact bytes AWS wrote, with what {@link RecordScanner} found in it, without ever holding the whole file. Each
 * record is scanned once, where it lies in the read buffer; a record that runs past the buffer's end is scanned
 * again once the buffer holds it. Around the records only JSON structure is tracked (nesting, strings, escapes),
 * which is also how the end of a malformed record is found, so one bad record does not spoil the rest.
 */
final class CloudTrailFileSplitter {

    /**
     * Receives each record in file order. {@code bytes} and {@code scanned} are null when the record was larger
     * than the limit.
     */
    interface RecordSink {
        void record(int index, byte[] bytes, int recordSize, ScannedRecord scanned);
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxRecordBytes;
    private final int maxRecords;
    private final RecordScanner scanner = new RecordScanner();
    /** Grows (up to twice the record limit) only while one record does not fit. */
    private byte[] buffer = new byte[BUFFER];
    /** Offset in the input of {@code buffer[0]}. */
    private long bufferStart;
    private int length;
    private int position;
    /** While a record is read: where it starts in the buffer, and what earlier buffers held of it. */
    private boolean capturing;
    private int captureFrom;
    private byte[] captured = new byte[4096];
    private int capturedLength;
    private boolean recordTooLarge;

    CloudTrailFileSplitter(InputStream in, int maxRecordBytes, int maxRecords) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.maxRecords = maxRecords;
    }

    /** Reads the whole file; returns the number of records. */
    int split(RecordSink sink) {
        int first = skipWhitespace();
        if (first != '{') {
            throw notJson(first, "'{' (a CloudTrail log file is a JSON object with a Records array)");
        }
        int records = -1;
        int c = skipWhitespace();
        if (c != '}') {
            unread();
            while (true) {
                String key = readKey();
                expect(':');
                if ("Records".equals(key) && records < 0) {
                    records = readRecords(sink);
                } else {
                    skipValue();
                }
                c = skipWhitespace();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw notJson(c, "',' or '}' after a member of the top-level object");
                }
            }
        }
        int trailing = skipWhitespace();
        if (trailing != -1) {
            throw notJson(trailing, "the end of the file after the top-level object");
        }
        if (records < 0) {
            throw new InputRejectedException(RejectionReason.NOT_CLOUDTRAIL,
                    "not a CloudTrail log file: the top-level object has no \"Records\" array");
        }
        return records;
    }

    private int readRecords(RecordSink sink) {
        int c = skipWhitespace();
        if (c != '[') {
            throw new InputRejectedException(RejectionReason.NOT_CLOUDTRAIL,
                    "not a CloudTrail log file: \"Records\" is not an array (found " + describe(c) + " at byte "
                            + (consumed() - 1) + ")");
        }
        int count = 0;
        c = skipWhitespace();
        if (c == ']') {
            return 0;
        }
        unread();
        while (true) {
            if (count >= maxRecords) {
                throw new InputRejectedException(RejectionReason.TOO_MANY_RECORDS,
                        "file has more than " + maxRecords + " records");
            }
            if (skipWhitespace() == -1) {
                throw truncated();
            }
            unread();
            readRecord(count, sink);
            count++;
            c = skipWhitespace();
            if (c == ']') {
                return count;
            }
            if (c != ',') {
                throw notJson(c, "',' or ']' after record " + (count - 1));
            }
        }
    }

    /** Scans the record that starts at {@code position} and hands it over. */
    private void readRecord(int index, RecordSink sink) {
        while (true) {
            int end = scanner.scan(buffer, position, length);
            if (end >= 0) {
                int size = end - position;
                byte[] record = size > maxRecordBytes ? null : java.util.Arrays.copyOfRange(buffer, position, end);
                position = end;
                sink.record(index, record, size, record == null ? null : scanner.record());
                return;
            }
            if (end == RecordScanner.MALFORMED) {
                String problem = scanner.problem();
                skipRecord(index, sink, problem);
                return;
            }
            if (length - position >= maxRecordBytes || !readMore()) {
                // Too large to keep (the skip keeps no bytes), or the input ends inside it (the skip says where).
                skipRecord(index, sink, "the file ends inside the record");
                return;
            }
        }
    }

    /** Finds the end of a record by its structure alone, capturing its bytes unless it is too large. */
    private void skipRecord(int index, RecordSink sink, String problem) {
        long start = consumed();
        beginCapture();
        skipValue();
        byte[] record = endCapture();
        sink.record(index, record, (int) Math.min(Integer.MAX_VALUE, consumed() - start),
                record == null ? null : ScannedRecord.malformed(problem));
    }

    /**
     * Reads more input after the unread bytes of the buffer, moving them to its start first (or growing it when
     * they fill it). Returns false at the end of the input.
     */
    private boolean readMore() {
        int kept = length - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, kept);
            bufferStart += position;
            position = 0;
            length = kept;
        }
        if (length == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = read(length);
        if (n < 0) {
            return false;
        }
        length += n;
        return true;
    }

    private String readKey() {
        int c = skipWhitespace();
        if (c != '"') {
            throw notJson(c, "a member name in double quotes");
        }
        StringBuilder key = new StringBuilder();
        while (true) {
            c = next();
            if (c == -1) {
                throw truncated();
            }
            if (c == '"') {
                return key.toString();
            }
            if (c == '\\') {
                key.append('\\');
                c = next();
                if (c == -1) {
                    throw truncated();
                }
            }
            if (key.length() < 64) {
                key.append((char) c);
            }
        }
    }

    /** Consumes one JSON value of any type, keeping its bytes when capturing. */
    private void skipValue() {
        int c = skipWhitespace();
        switch (c) {
            case '{', '[' -> skipContainer(c);
            case '"' -> skipStringBody();
            case -1 -> throw truncated();
            default -> {
                if (c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
                    skipLiteral();
                } else {
                    throw notJson(c, "a JSON value");
                }
            }
        }
    }

    private void skipContainer(int open) {
        int depth = 1;
        while (depth > 0) {
            if (position == length && !fill()) {
                throw truncated();
            }
            switch (buffer[position++]) {
                case '"' -> skipStringBody();
                case '{', '[' -> depth++;
                case '}', ']' -> depth--;
                default -> {
                }
            }
        }
    }

    private void skipStringBody() {
        while (true) {
            if (position == length && !fill()) {
                throw truncated();
            }
            byte b = buffer[position++];
            if (b == '"') {
                return;
            }
            if (b == '\\') {
                if (position == length && !fill()) {
                    throw truncated();
                }
                position++;
            }
        }
    }

    private void skipLiteral() {
        while (true) {
            int c = next();
            if (c == -1) {
                return;
            }
            if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                    || c == 'E')) {
                unread();
                return;
            }
        }
    }

    private void expect(char expected) {
        int c = skipWhitespace();
        if (c != expected) {
            throw notJson(c, "'" + expected + "'");
        }
    }

    private int skipWhitespace() {
        while (true) {
            int c = next();
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
        }
    }

    private int next() {
        if (position == length && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Steps back over the byte just read (always still in the buffer); nothing to step back over at the end. */
    private void unread() {
        if (position > 0) {
            position--;
        }
    }

    private long consumed() {
        return bufferStart + position;
    }

    private void beginCapture() {
        capturing = true;
        captureFrom = position;
        capturedLength = 0;
        recordTooLarge = false;
    }

    /** The record's bytes, or null when it was larger than the limit. */
    private byte[] endCapture() {
        keep(captureFrom, position - captureFrom);
        capturing = false;
        return recordTooLarge ? null : java.util.Arrays.copyOf(captured, capturedLength);
    }

    private void keep(int from, int count) {
        if (recordTooLarge || count <= 0) {
            return;
        }
        if ((long) capturedLength + count > maxRecordBytes) {
            recordTooLarge = true;
            return;
        }
        if (capturedLength + count > captured.length) {
            captured = java.util.Arrays.copyOf(captured, Math.max(capturedLength + count, captured.length * 2));
        }
        System.arraycopy(buffer, from, captured, capturedLength, count);
        capturedLength += count;
    }

    private boolean fill() {
        if (capturing) {
            keep(captureFrom, length - captureFrom);
            captureFrom = 0;
        }
        bufferStart += length;
        length = 0;
        position = 0;
        int n = read(0);
        if (n < 0) {
            return false;
        }
        length = n;
        return true;
    }

    /** Reads into the buffer from {@code offset} to its end; returns the bytes read, or -1 at the end. */
    private int read(int offset) {
        try {
            int n;
            do {
                n = in.read(buffer, offset, buffer.length - offset);
            } while (n == 0);
            return n;
        } catch (java.util.zip.ZipException e) {
            throw new InputRejectedException(RejectionReason.BAD_GZIP, "corrupt gzip data: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new InputRejectedException(RejectionReason.BAD_GZIP,
                    "gzip data ends early (truncated file?) after " + bufferStart + " decompressed bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input after " + bufferStart + " bytes", e);
        }
    }

    private InputRejectedException truncated() {
        return new InputRejectedException(RejectionReason.NOT_JSON,
                "file ends early (truncated?) at byte " + consumed() + " inside a JSON value");
    }

    private InputRejectedException notJson(int c, String expected) {
        if (c == -1) {
            return new InputRejectedException(RejectionReason.NOT_JSON,
                    consumed() == 0 ? "input is empty" : "file ends early (truncated?) at byte " + consumed()
                            + ", expected " + expected);
        }
        return new InputRejectedException(RejectionReason.NOT_JSON,
                "not valid JSON: found " + describe(c) + " at byte " + (consumed() - 1) + ", expected " + expected);
    }

    private static String describe(int c) {
        if (c == -1) {
            return "the end of the file";
        }
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02x", c);
    }
}
