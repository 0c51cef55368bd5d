package io.trailwatch.simulator.truth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.trailwatch.simulator.SimulationConfig;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.event.TimeText;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Organisation;
import io.trailwatch.simulator.scenario.ScenarioRun;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes the ground truth as JSON Lines: one {@code meta} line, then, in delivery order, an {@code event} line for
 * every delivered record that matches a CIS pattern and a {@code scenario} line when a run's last record has been
 * delivered. The format is described in the module README.
 */
public final class GroundTruthWriter implements Closeable {

    public static final String PATTERN_SET = "CIS AWS Foundations Benchmark v6.0.0 section 5.1-5.15 "
            + "(5.2 base form; 5.10 with ModifySecurityGroupRules)";

    private final OutputStream out;
    private final JsonGenerator g;

    public GroundTruthWriter(OutputStream out) {
        this.out = out;
        try {
            this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            g.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void meta(SimulationConfig config, Organisation org) {
        line(() -> {
            g.writeStringField("type", "meta");
            g.writeStringField("generator", "trailwatch-simulator");
            g.writeNumberField("seed", config.seed());
            g.writeStringField("start", TimeText.iso(config.startEpochSecond()));
            g.writeNumberField("eventsPerSecond", config.eventsPerSecond());
            g.writeStringField("rhythm", config.rhythm().isFlat() ? "flat" : "weekly");
            g.writeStringField("organisationId", org.id());
            g.writeArrayFieldStart("accounts");
            for (Account a : org.accounts()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("name", a.name());
                g.writeStringField("role", a.role().name().toLowerCase(java.util.Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("regions");
            for (String r : org.regions()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeStringField("patternSet", PATTERN_SET);
            g.writeObjectFieldStart("patterns");
            for (CisRule rule : CisRule.values()) {
                g.writeObjectFieldStart(rule.id());
                g.writeStringField("cisV6", rule.cisV6Section());
                g.writeStringField("pattern", rule.pattern());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    public void file(LogFile file) {
        for (GroundTruthEvent e : file.truth()) {
            line(() -> {
                g.writeStringField("type", "event");
                g.writeStringField("eventID", e.eventId());
                g.writeStringField("eventTime", TimeText.iso(e.eventTime()));
                g.writeStringField("recipientAccountId", e.accountId());
                g.writeStringField("awsRegion", e.region());
                g.writeStringField("eventSource", e.eventSource());
                g.writeStringField("eventName", e.eventName());
                if (e.identityType() == null) {
                    g.writeNullField("userIdentityType");
                } else {
                    g.writeStringField("userIdentityType", e.identityType());
                }
                g.writeStringField("origin", e.origin());
                if (e.runId() == null) {
                    g.writeNullField("run");
                } else {
                    g.writeStringField("run", e.runId());
                }
                g.writeArrayFieldStart("expectedRules");
                for (String rule : e.expectedRules()) {
                    g.writeString(rule);
                }
                g.writeEndArray();
                g.writeStringField("objectKey", file.key());
                g.writeStringField("deliveryTime", TimeText.iso(file.deliveryTime()));
            });
        }
    }

    public void scenario(ScenarioRun run) {
        line(() -> {
            g.writeStringField("type", "scenario");
            g.writeStringField("run", run.id());
            g.writeStringField("scenario", run.scenario().name());
            g.writeStringField("start", TimeText.iso(run.start()));
            g.writeStringField("end", TimeText.iso(run.end()));
            g.writeArrayFieldStart("accounts");
            for (String a : run.accounts()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("regions");
            for (String r : run.regions()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("expectedRules");
            for (String rule : run.expectedRules()) {
                g.writeString(rule);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("eventIDs");
            for (String id : run.eventIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeStringField("summary", run.summary());
        });
    }

    /** Pushes written lines to the underlying stream. */
    public void flush() {
        try {
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        g.close();
        out.close();
    }

    private interface Body {
        void write() throws IOException;
    }

    private void line(Body body) {
        try {
            g.writeStartObject();
            body.write();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not write ground truth", e);
        }
    }
}
