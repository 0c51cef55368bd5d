package io.trailwatch.rules.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where a command writes: JSON lines (UTF-8, one object per line) to stdout, messages to stderr. */
final class Output {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutputStream out;
    private final PrintStream err;
    private final ObjectWriter writer = MAPPER.writer();

    Output(OutputStream out, PrintStream err) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.err = err;
    }

    ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    void jsonLine(ObjectNode line) throws IOException {
        out.write(writer.writeValueAsBytes(line));
        out.write('\n');
    }

    /** A plain text line on stdout (test results). */
    void line(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    void warn(String message) throws IOException {
        flush();
        err.println("trailwatch-rules: warning: " + message);
    }

    void flush() throws IOException {
        out.flush();
    }
}
