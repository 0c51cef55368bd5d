package io.trailwatch.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.query.repository.EventRow;
import io.trailwatch.simulator.CloudTrailGenerator;
import io.trailwatch.simulator.SimulationConfig;
import io.trailwatch.simulator.delivery.GeneratorOutput;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.scenario.ScenarioRun;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.traffic.Rhythm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The streaming pass of {@link EventMapper} against a plain reading of the JSON tree, over every record of two
 * simulated hours of an organisation with the demo scenarios: every identity type, errors, console sign-ins,
 * service calls.
 */
class EventMapperSimulatedTest {

    private static final ObjectMapper MAPPER = ContractJson.newMapper();
    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void everySimulatedRecordGivesTheColumnsItsTreeHolds() throws Exception {
        List<String> records = simulatedRecords();
        assertThat(records).hasSizeGreaterThan(5_000);
        Set<String> identityTypes = new HashSet<>();
        for (String json : records) {
            JsonNode tree = MAPPER.readTree(json);
            EventRow row = EventMapper.toRow(MAPPER, json);
            JsonNode identity = tree.path("userIdentity");
            JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
            identityTypes.add(text(identity, "type"));
            String name = text(identity, "userName") != null ? text(identity, "userName") : text(issuer, "userName");
            if (name == null && "AWSService".equals(text(identity, "type"))) {
                name = text(identity, "invokedBy");
            }
            String accessKey = text(identity, "accessKeyId");
            JsonNode readOnly = tree.get("readOnly");
            assertThat(row).as(json).isEqualTo(new EventRow(
                    text(tree, "eventID"),
                    Instant.parse(text(tree, "eventTime")),
                    text(tree, "recipientAccountId") != null ? text(tree, "recipientAccountId")
                            : text(identity, "accountId") != null ? text(identity, "accountId") : "unknown",
                    text(tree, "awsRegion"),
                    text(tree, "eventSource"),
                    text(tree, "eventName"),
                    text(tree, "eventType"),
                    text(identity, "type"),
                    text(identity, "arn") != null ? text(identity, "arn") : text(issuer, "arn"),
                    name,
                    text(identity, "accountId"),
                    accessKey == null || accessKey.isBlank() ? null : accessKey,
                    text(tree, "sourceIPAddress"),
                    IpLiterals.canonical(text(tree, "sourceIPAddress")),
                    text(tree, "userAgent"),
                    text(tree, "errorCode"),
                    text(tree, "errorMessage"),
                    readOnly == null ? null : readOnly.asBoolean(),
                    text(tree.path("responseElements"), "ConsoleLogin"),
                    text(tree.path("additionalEventData"), "MFAUsed"),
                    json));
        }
        assertThat(identityTypes).contains("IAMUser", "AssumedRole", "Root", "AWSService");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static List<String> simulatedRecords() {
        SimulationConfig config = new SimulationConfig(7, OrganisationConfig.defaults(), START, 5, Rhythm.weekly(1),
                ScenarioSchedule.demo(), 6);
        List<String> records = new ArrayList<>();
        GeneratorOutput output = new GeneratorOutput() {
            @Override
            public void file(LogFile file) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.content()))) {
                    for (JsonNode record : MAPPER.readTree(in).get("Records")) {
                        records.add(MAPPER.writeValueAsString(record));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void scenarioCompleted(ScenarioRun run) {
            }
        };
        CloudTrailGenerator generator = new CloudTrailGenerator(config);
        generator.generateUntil(START.getEpochSecond() + 2 * 3600, output);
        generator.finish(output);
        return records;
    }
}
