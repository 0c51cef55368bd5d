package io.trailwatch.rules.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.FindingIds;
import io.trailwatch.contracts.Geo;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.RejectionReason;
import io.trailwatch.contracts.Severity;
import io.trailwatch.contracts.Topics;
import io.trailwatch.rules.service.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RulesTopologyTest {

    private TopologyHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private TopologyHarness start(Map<String, String> settings) {
        harness = new TopologyHarness(RuleCatalog.builtin(), TestConfigs.rules(settings));
        return harness;
    }

    @Test
    void rootConsoleSignInRaisesARootUsageFindingWithTheRecordAndItsCountry() throws Exception {
        String record = "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"111122223333\","
                + "\"arn\":\"arn:aws:iam::111122223333:root\",\"accountId\":\"111122223333\",\"accessKeyId\":\"\"},"
                + "\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"81.2.69.160\","
                + "\"userAgent\":\"Mozilla/5.0\",\"requestParameters\":null,"
                + "\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
                + "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/\",\"MobileVersion\":\"No\","
                + "\"MFAUsed\":\"Yes\"},\"eventID\":\"e-root-1\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\","
                + "\"managementEvent\":true,\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
        start(Map.of()).send(record);

        List<Finding> out = harness.findings();
        assertThat(out).extracting(Finding::ruleId).contains("cis-root-account-usage");
        Finding root = out.stream().filter(f -> f.ruleId().equals("cis-root-account-usage")).findFirst().orElseThrow();
        assertThat(root.findingId()).isEqualTo(FindingIds.forEvent("cis-root-account-usage", "e-root-1"));
        assertThat(root.severity()).isGreaterThanOrEqualTo(Severity.HIGH);
        assertThat(root.accountId()).isEqualTo("111122223333");
        assertThat(root.principal().userName()).isEqualTo("root");
        assertThat(root.geo()).isEqualTo(Geo.country("GB"));
        assertThat(root.summary()).contains("root", "111122223333", "from GB");
        assertThat(root.event()).isEqualTo(TopologyHarness.MAPPER.readTree(record));
        assertThat(harness.rejections()).isEmpty();
        assertThat(harness.counter("trailwatch.rules.matches", "rule", "cis-root-account-usage")).isEqualTo(1);
    }

    @Test
    void aPrivateSourceAddressHasNoGeoAndTheSummaryNamesTheAddress() {
        String record = Records.failedSignIn("e-private", java.time.Instant.parse("2026-11-27T10:00:00Z"),
                "111122223333", "bob", "10.1.2.3");
        start(Map.of()).send(record);
        Finding finding = harness.findings().stream().filter(f -> f.ruleId().equals("cis-console-auth-failures"))
                .findFirst().orElseThrow();
        assertThat(finding.geo()).isNull();
        assertThat(finding.summary()).contains("bob failed to sign in", "from 10.1.2.3");
    }

    @Test
    void benignReadRaisesNothing() {
        start(Map.of()).send(Records.benign("e-benign", java.time.Instant.parse("2026-11-27T10:04:31Z")));
        assertThat(harness.findings()).isEmpty();
        assertThat(harness.rejections()).isEmpty();
    }

    @Test
    void unreadableMessageIsRejectedAndTheStreamGoesOn() {
        start(Map.of()).sendRaw("{broken".getBytes(StandardCharsets.UTF_8));
        harness.send("{\"eventID\":\"e2\",\"eventTime\":\"2026-11-27T10:04:31Z\",\"userIdentity\":{\"type\":\"Root\"},"
                + "\"eventName\":\"StopLogging\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"recipientAccountId\":\"1\"}");

        Rejection rejection = harness.rejections().get(0);
        assertThat(rejection.reason()).isEqualTo(RejectionReason.NOT_JSON);
        assertThat(rejection.source()).startsWith(Topics.CLOUDTRAIL_EVENTS + "/0@");
        assertThat(rejection.sample()).isEqualTo("{broken");
        assertThat(harness.findings()).isNotEmpty();
        assertThat(harness.counter("trailwatch.rules.rejected")).isEqualTo(1);
    }

    @Test
    void withoutOutlierDetectionThereAreNoStoresAndNoSeries() {
        start(Map.of("trailwatch.rules.outliers.enabled", "false"));
        assertThat(harness.topology.describe().toString()).doesNotContain("outlier");
        for (int i = 0; i < 20; i++) {
            harness.send(Records.failedSignIn("e-" + i, java.time.Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i)));
        }
        harness.send(Records.benign("later", java.time.Instant.parse("2026-11-27T12:00:00Z")));
        assertThat(harness.points()).isEmpty();
        assertThat(harness.findings()).extracting(Finding::ruleId).doesNotContain("outlier-console-auth-failures");
    }
}
