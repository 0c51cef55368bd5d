package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.simulator.delivery.LogFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecordShapeTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
            + "[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Set<String> EVENT_TYPES = Set.of("AwsApiCall", "AwsConsoleSignIn", "AwsServiceEvent");

    @Test
    void everyFileIsGzippedJsonWithARecordsArray() throws IOException {
        for (LogFile f : Generated.standardRun().files) {
            byte[] plain;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(f.content()))) {
                plain = in.readAllBytes();
            }
            JsonNode root = Generated.JSON.readTree(plain);
            assertThat(root.isObject()).isTrue();
            assertThat(root.size()).isEqualTo(1);
            assertThat(root.get("Records").isArray()).isTrue();
            assertThat(root.get("Records").size()).isEqualTo(f.records()).isPositive();
        }
    }

    @Test
    void recordsHaveTheFieldsCloudTrailWrites() {
        List<JsonNode> records = Generated.standardRun().allRecords();
        Set<String> eventIds = new HashSet<>();
        for (JsonNode r : records) {
            String what = r.path("eventName").asText() + " " + r.path("eventID").asText();
            assertThat(r.get("eventVersion").asText()).isEqualTo("1.11");
            assertThat(r.get("eventTime").asText()).matches(TIME);
            assertThat(r.get("eventID").asText()).matches(UUID);
            assertThat(eventIds.add(r.get("eventID").asText())).as("unique eventID").isTrue();
            assertThat(r.get("eventSource").asText()).as(what).endsWith(".amazonaws.com");
            assertThat(r.get("awsRegion").asText()).isNotBlank();
            assertThat(r.get("sourceIPAddress").asText()).isNotBlank();
            assertThat(r.get("userAgent").asText()).isNotBlank();
            assertThat(r.has("requestParameters")).as(what).isTrue();
            assertThat(r.has("responseElements")).as(what).isTrue();
            assertThat(r.get("readOnly").isBoolean()).as(what).isTrue();
            assertThat(r.get("managementEvent").asBoolean()).isTrue();
            assertThat(r.get("eventCategory").asText()).isEqualTo("Management");
            assertThat(r.get("recipientAccountId").asText()).matches("\\d{12}");
            assertThat(EVENT_TYPES).contains(r.get("eventType").asText());
            boolean signIn = r.get("eventType").asText().equals("AwsConsoleSignIn");
            boolean serviceEvent = r.get("eventType").asText().equals("AwsServiceEvent");
            assertThat(r.has("requestID")).as(what).isEqualTo(!signIn && !serviceEvent);
            if (r.has("errorCode")) {
                assertThat(r.get("errorMessage").asText()).as(what).isNotBlank();
                assertThat(r.get("responseElements").isNull()).as(what).isTrue();
            }
        }
        assertThat(records.stream().filter(r -> r.has("errorCode")).count()).isGreaterThan(100);
        assertThat(records.stream().filter(r -> r.has("additionalEventData")).count()).isGreaterThan(100);
        assertThat(records.stream().filter(r -> r.has("resources")).count()).isGreaterThan(100);
        assertThat(records.stream().filter(r -> r.has("tlsDetails")).count()).isGreaterThan(100);
        assertThat(records.stream().filter(r -> !r.path("responseElements").isNull()).count()).isGreaterThan(100);
        assertThat(records.stream().filter(r -> r.get("readOnly").asBoolean()).count())
                .as("mostly reads").isGreaterThan(records.size() * 7L / 10);
    }

    @Test
    void everyUserIdentityTypeIsPresentWithItsShape() {
        Map<String, JsonNode> byType = new HashMap<>();
        Set<String> mfaFlags = new HashSet<>();
        for (JsonNode r : Generated.standardRun().allRecords()) {
            JsonNode id = r.get("userIdentity");
            byType.putIfAbsent(id.path("type").asText("(none)"), id);
            if (id.path("type").asText().equals("AssumedRole")) {
                JsonNode issuer = id.at("/sessionContext/sessionIssuer");
                assertThat(issuer.get("type").asText()).isEqualTo("Role");
                assertThat(issuer.get("arn").asText()).startsWith("arn:aws:iam::");
                assertThat(id.get("arn").asText()).startsWith("arn:aws:sts::").contains(":assumed-role/");
                assertThat(id.get("principalId").asText()).startsWith("AROA");
                mfaFlags.add(id.at("/sessionContext/attributes/mfaAuthenticated").asText());
            }
        }
        assertThat(byType).containsKeys("IAMUser", "AssumedRole", "Root", "AWSService", "FederatedUser",
                "IdentityCenterUser", "WebIdentityUser");
        assertThat(mfaFlags).containsExactlyInAnyOrder("true", "false");
        assertThat(byType.get("IAMUser").get("principalId").asText()).startsWith("AIDA");
        assertThat(byType.get("Root").get("arn").asText()).endsWith(":root");
        assertThat(byType.get("AWSService").get("invokedBy").asText()).endsWith(".amazonaws.com");
        assertThat(byType.get("FederatedUser").get("arn").asText()).contains(":federated-user/");
        assertThat(byType.get("FederatedUser").at("/sessionContext/sessionIssuer/type").asText()).isEqualTo("IAMUser");
        assertThat(byType.get("IdentityCenterUser").at("/onBehalfOf/identityStoreArn").asText())
                .startsWith("arn:aws:identitystore::");
    }

    @Test
    void sourceAddressesArePublicIpsFromSeveralCountriesOrServiceNames() {
        Set<String> firstOctets = new HashSet<>();
        for (JsonNode r : Generated.standardRun().allRecords()) {
            String ip = r.get("sourceIPAddress").asText();
            JsonNode id = r.get("userIdentity");
            boolean byService = id.has("invokedBy") || id.path("type").asText().equals("AWSService");
            if (byService) {
                assertThat(ip).as("service calls come from the service's DNS name").endsWith(".amazonaws.com");
                continue;
            }
            assertThat(ip).matches(IPV4);
            int first = Integer.parseInt(ip.substring(0, ip.indexOf('.')));
            assertThat(first).as(ip).isNotIn(10, 127, 172, 192, 198, 203, 0);
            firstOctets.add(ip.substring(0, ip.indexOf('.')));
        }
        // DE, GB, US, FR, PL, ES, IN staff, AWS NAT, Azure runners, attackers in RU/CN/BR/VN/NG.
        assertThat(firstOctets).hasSizeGreaterThan(10);
    }
}
