package io.trailwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractRoundTripTest {

    private static final ObjectMapper MAPPER = ContractJson.newMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void ruleFindingRoundTripsAndMatchesItsSchema() throws IOException {
        JsonNode record = readResource("/examples/root-console-login.json");
        Finding finding = new Finding(
                FindingIds.forEvent("cis-root-account-usage", record.get("eventID").asText()),
                "cis-root-account-usage", "Root account usage", Severity.CRITICAL, Category.ACCESS,
                Map.of("v1.2.0", "3.3", "v1.4.0", "4.3", "v6.0.0", "5.3"),
                "111122223333", "us-east-1", Instant.parse("2026-11-27T10:04:31Z"),
                record.get("eventID").asText(), "ConsoleLogin", "signin.amazonaws.com",
                new Principal("Root", "arn:aws:iam::111122223333:root", null),
                "203.0.113.10", Geo.country("JP"), record.get("userAgent").asText(),
                "root signed in to the console of 111122223333 from JP",
                Instant.parse("2026-11-27T10:09:02Z"), record, null);

        String json = MAPPER.writeValueAsString(finding);

        assertThat(MAPPER.readValue(json, Finding.class)).isEqualTo(finding);
        assertValid("finding", json);
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.get("eventID").asText()).isEqualTo("3b5c2a8e-7f41-4d0e-9a6b-2c1d8e4f7a90");
        assertThat(tree.get("sourceIPAddress").asText()).isEqualTo("203.0.113.10");
        assertThat(tree.get("severity").asText()).isEqualTo("critical");
        assertThat(tree.get("eventTime").asText()).isEqualTo("2026-11-27T10:04:31Z");
        assertThat(tree.has("outlier")).as("null fields are left out").isFalse();
        assertThat(tree.get("event")).isEqualTo(record);
    }

    @Test
    void outlierFindingRoundTripsAndMatchesItsSchema() throws IOException {
        Instant slice = Instant.parse("2026-11-27T10:05:00Z");
        OutlierDetails details = new OutlierDetails("outlier-console-auth-failures", "111122223333",
                slice, slice.plusSeconds(300), 42, 1.5, 0.8, 3.9, -0.9,
                List.of(new OutlierDetails.Contributor("arn:aws:iam::111122223333:user/alice", 40)),
                List.of(new OutlierDetails.Contributor("198.51.100.7", 42)),
                List.of(new OutlierDetails.Contributor("RU", 42)));
        Finding finding = new Finding(
                FindingIds.forSlice("outlier-console-auth-failures", "111122223333", slice),
                "outlier-console-auth-failures", "Outlier - failed console logins", Severity.HIGH, Category.OUTLIER,
                Map.of(), "111122223333", null, slice, null, null, null, null, null, null, null,
                "42 failed console logins in 5 minutes for 111122223333 (expected at most 3.9)",
                Instant.parse("2026-11-27T10:30:00Z"), null, details);

        String json = MAPPER.writeValueAsString(finding);

        assertThat(MAPPER.readValue(json, Finding.class)).isEqualTo(finding);
        assertValid("finding", json);
    }

    @Test
    void seriesPointKeepsNullBaselineAndMatchesItsSchema() throws IOException {
        SeriesPoint point = new SeriesPoint(SeriesPoint.seriesId("outlier-console-auth-failures", "111122223333"),
                "outlier-console-auth-failures", "111122223333", Instant.parse("2026-11-27T10:05:00Z"), 300,
                2, null, null, null, null, false, false);

        String json = MAPPER.writeValueAsString(point);

        assertThat(MAPPER.readValue(json, SeriesPoint.class)).isEqualTo(point);
        assertThat(MAPPER.readTree(json).get("mean").isNull()).as("baseline fields are explicit nulls").isTrue();
        assertValid("series-point", json);
    }

    @Test
    void rejectionRoundTripsAndMatchesItsSchema() throws IOException {
        Rejection rejection = new Rejection("s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/x.json.gz",
                RejectionReason.MISSING_FIELD, "record 3 has no eventID", 3, null,
                Rejection.sample("{\"eventTime\":\"2026-11-27T10:04:31Z\"}"), "collector-service",
                Instant.parse("2026-11-27T10:05:00Z"));

        String json = MAPPER.writeValueAsString(rejection);

        assertThat(MAPPER.readValue(json, Rejection.class)).isEqualTo(rejection);
        assertThat(MAPPER.readTree(json).get("reason").asText()).isEqualTo("missing-field");
        assertValid("rejection", json);
    }

    @Test
    void cloudTrailRecordSchemaAcceptsARealRecordAndRefusesOneWithoutEventId() throws IOException {
        String record = new String(getClass().getResourceAsStream("/examples/root-console-login.json").readAllBytes());
        assertValid("cloudtrail-record", record);

        List<com.networknt.schema.Error> errors = schema("cloudtrail-record")
                .validate("{\"eventTime\":\"2026-11-27T10:04:31Z\"}", InputFormat.JSON);
        assertThat(errors).extracting(com.networknt.schema.Error::getMessage).anyMatch(m -> m.contains("eventID"));
    }

    @Test
    void findingSchemaRefusesAnUnknownSeverity() throws IOException {
        String json = "{\"findingId\":\"f-0123456789abcdef\",\"ruleId\":\"x\",\"title\":\"t\",\"severity\":\"urgent\","
                + "\"category\":\"access\",\"accountId\":\"1\",\"eventTime\":\"2026-11-27T10:04:31Z\","
                + "\"summary\":\"s\",\"detectedAt\":\"2026-11-27T10:04:31Z\"}";
        assertThat(schema("finding").validate(json, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void findingIdsAreDeterministicAndDistinct() {
        assertThat(FindingIds.forEvent("cis-root-account-usage", "e1"))
                .isEqualTo(FindingIds.forEvent("cis-root-account-usage", "e1"))
                .isNotEqualTo(FindingIds.forEvent("cis-root-account-usage", "e2"))
                .isNotEqualTo(FindingIds.forEvent("cis-iam-policy-changes", "e1"))
                .matches("f-[0-9a-f]{16}");
        Instant slice = Instant.parse("2026-11-27T10:05:00Z");
        assertThat(FindingIds.forSlice("d", "g", slice)).isEqualTo(FindingIds.forSlice("d", "g", slice))
                .isNotEqualTo(FindingIds.forSlice("d", "g", slice.plusSeconds(300)));
    }

    @Test
    void wireEnumsRefuseUnknownValuesWithAClearMessage() {
        assertThat(Severity.fromWire("HIGH")).isEqualTo(Severity.HIGH);
        assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
        assertThatThrownBy(() -> Severity.fromWire("urgent"))
                .hasMessageContaining("urgent").hasMessageContaining("info, low, medium, high, critical");
        assertThatThrownBy(() -> Category.fromWire("network")).hasMessageContaining("network");
    }

    private static void assertValid(String schemaName, String json) {
        assertThat(schema(schemaName).validate(json, InputFormat.JSON)).as(json).isEmpty();
    }

    private static Schema schema(String name) {
        InputStream in = ContractRoundTripTest.class.getResourceAsStream("/schemas/" + name + ".schema.json");
        assertThat(in).as("schema " + name).isNotNull();
        return SCHEMAS.getSchema(in);
    }

    private JsonNode readResource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            return MAPPER.readTree(in);
        }
    }
}
