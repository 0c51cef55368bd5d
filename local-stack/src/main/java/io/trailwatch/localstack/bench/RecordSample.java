package io.trailwatch.localstack.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.simulator.delivery.LogFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Measures the size of the records the collector will publish (each record's compact JSON, as in the file) and
 * keeps the first {@code keep} of them, one per line, as the payload file of the raw producer benchmark, so both
 * send the same records.
 */
public final class RecordSample implements Consumer<LogFile>, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path payloadFile;
    private final OutputStream payload;
    private final int keep;
    private long records;
    private long bytes;
    private int kept;

    public RecordSample(Path payloadFile, int keep) {
        this.payloadFile = payloadFile;
        this.keep = keep;
        try {
            Files.createDirectories(payloadFile.toAbsolutePath().getParent());
            this.payload = Files.newOutputStream(payloadFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payload file " + payloadFile, e);
        }
    }

    @Override
    public void accept(LogFile file) {
        try (JsonParser parser = MAPPER.createParser(new GZIPInputStream(new ByteArrayInputStream(file.content())))) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "Records".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode record = parser.readValueAsTree();
                        byte[] json = MAPPER.writeValueAsBytes(record);
                        records++;
                        bytes += json.length;
                        if (kept < keep) {
                            payload.write(json);
                            payload.write('\n');
                            kept++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back generated file " + file.key(), e);
        }
    }

    public long records() {
        return records;
    }

    /** Mean compact JSON size of a record, in bytes. */
    public int averageRecordBytes() {
        return records == 0 ? 0 : (int) Math.round((double) bytes / records);
    }

    public Path payloadFile() {
        return payloadFile;
    }

    @Override
    public void close() {
        try {
            payload.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payload file " + payloadFile, e);
        }
    }
}
