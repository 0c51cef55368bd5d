package io.trailwatch.collector.service;

import io.trailwatch.contracts.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Streams a CloudTrail log file ({@code {"Records":[...]}}) and hands over each element of {@code Records} as the
 * exact bytes AWS wrote, without ever holding the whole file. It only tracks JSON structure (nesting, strings,
 * escapes); each record is parsed on its own afterwards.
 */
final class CloudTrailFileSplitter {

    /** Receives each record in file order. {@code bytes} is null when the record was larger than the limit. */
    interface RecordSink {
        void record(int index, byte[] bytes, int recordSize);
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxRecordBytes;
    private final int maxRecords;
    private final byte[] buffer = new byte[BUFFER];
    private int length;
    private int position;
    private long consumed;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(4096);
    private boolean capturing;
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
                            + (consumed - 1) + ")");
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
            skipWhitespace();
            unread();
            current.reset();
            recordTooLarge = false;
            capturing = true;
            long start = consumed;
            skipValue();
            capturing = false;
            int size = (int) Math.min(Integer.MAX_VALUE, consumed - start);
            sink.record(count, recordTooLarge ? null : current.toByteArray(), size);
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
            int c = next();
            switch (c) {
                case -1 -> throw truncated();
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
            int c = next();
            if (c == -1) {
                throw truncated();
            }
            if (c == '"') {
                return;
            }
            if (c == '\\' && next() == -1) {
                throw truncated();
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
        if (position == length) {
            if (!fill()) {
                return -1;
            }
        }
        int c = buffer[position++] & 0xff;
        consumed++;
        if (capturing) {
            if (current.size() < maxRecordBytes) {
                current.write(c);
            } else {
                recordTooLarge = true;
            }
        }
        return c;
    }

    /** Steps back over the byte just read (always still in the buffer). */
    private void unread() {
        position--;
        consumed--;
        if (capturing && !recordTooLarge && current.size() > 0) {
            byte[] kept = current.toByteArray();
            current.reset();
            current.write(kept, 0, kept.length - 1);
        }
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                length = 0;
                position = 0;
                return false;
            }
            length = n;
            position = 0;
            return true;
        } catch (java.util.zip.ZipException e) {
            throw new InputRejectedException(RejectionReason.BAD_GZIP, "corrupt gzip data: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new InputRejectedException(RejectionReason.BAD_GZIP,
                    "gzip data ends early (truncated file?) after " + consumed + " decompressed bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input after " + consumed + " bytes", e);
        }
    }

    private InputRejectedException truncated() {
        return new InputRejectedException(RejectionReason.NOT_JSON,
                "file ends early (truncated?) at byte " + consumed + " inside a JSON value");
    }

    private InputRejectedException notJson(int c, String expected) {
        if (c == -1) {
            return new InputRejectedException(RejectionReason.NOT_JSON,
                    consumed == 0 ? "input is empty" : "file ends early (truncated?) at byte " + consumed
                            + ", expected " + expected);
        }
        return new InputRejectedException(RejectionReason.NOT_JSON,
                "not valid JSON: found " + describe(c) + " at byte " + (consumed - 1) + ", expected " + expected);
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
