package io.trailwatch.rules.engine.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams the records of a CloudTrail log file ({@code {"Records":[...]}}, plain or gzip, detected from the
 * content rather than the name) one at a time, so a large file never sits in memory as a whole.
 */
public final class CloudTrailRecords {

    /** Decompressed bytes read before a file is refused as too large (gzip bomb guard). */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    /** The caller owns the stream, so the parser must not close it. */
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

    private CloudTrailRecords() {
    }

    /** Receives each record, in file order, with its 0-based position in the Records array. */
    @FunctionalInterface
    public interface RecordHandler {
        void accept(long index, JsonNode record) throws IOException;
    }

    /** Reads a file from disk with {@link #DEFAULT_MAX_BYTES}; returns the number of records. */
    public static long forEach(Path file, RecordHandler handler) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidCloudTrailFileException(file + ": is a directory, not a CloudTrail log file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InvalidCloudTrailFileException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidCloudTrailFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (in) {
            return forEach(in, file.toString(), DEFAULT_MAX_BYTES, handler);
        }
    }

    /**
     * Reads a CloudTrail log file from a stream (not closed here).
     *
     * @param name how to call the file in error messages
     * @param maxBytes decompressed size limit
     * @return the number of records handed to {@code handler}
     * @throws InvalidCloudTrailFileException when the content is not a CloudTrail log file or is too large;
     *     records before the problem have already been handed over
     */
    public static long forEach(InputStream in, String name, long maxBytes, RecordHandler handler)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        try {
            InputStream content = isGzip(buffered) ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
            try (JsonParser parser = MAPPER.createParser(new LimitedInputStream(content, maxBytes, name))) {
                return readRecords(parser, name, handler);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidCloudTrailFileException(name + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (ZipException e) {
            throw new InvalidCloudTrailFileException(name + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new InvalidCloudTrailFileException(name + ": truncated gzip data", e);
        }
    }

    /**
     * A record's {@code eventTime} (ISO-8601, e.g. {@code 2026-11-27T10:04:31Z}); empty when the record has
     * none or it is not a valid timestamp.
     */
    public static Optional<Instant> eventTime(JsonNode record) {
        JsonNode time = record.get("eventTime");
        if (time == null || !time.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(time.textValue()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long readRecords(JsonParser parser, String name, RecordHandler handler) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidCloudTrailFileException(name + ": expected a JSON object with a \"Records\" array "
                    + "(a CloudTrail log file)");
        }
        long count = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("Records") && count < 0) {
                if (value != JsonToken.START_ARRAY) {
                    throw new InvalidCloudTrailFileException(name + ": \"Records\" is not an array");
                }
                count = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode record = parser.currentToken() == JsonToken.VALUE_NULL
                            ? NullNode.getInstance() : MAPPER.readTree(parser);
                    handler.accept(count++, record);
                }
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new InvalidCloudTrailFileException(name + ": unexpected content after the top-level object");
        }
        if (count < 0) {
            throw new InvalidCloudTrailFileException(name + ": no \"Records\" array (not a CloudTrail log file)");
        }
        return count;
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** Fails the read once more than {@code max} bytes came out of the (decompressed) stream. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long max;
        private final String name;
        private long read;

        LimitedInputStream(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new InvalidCloudTrailFileException(name + ": more than " + max + " bytes after "
                        + "decompression; refused");
            }
        }
    }
}
