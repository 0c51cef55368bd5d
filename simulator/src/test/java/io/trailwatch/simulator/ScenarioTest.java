package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.scenario.Scenario;
import io.trailwatch.simulator.scenario.ScenarioLibrary;
import io.trailwatch.simulator.scenario.ScenarioSchedule;
import io.trailwatch.simulator.truth.RuleIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTest {

    private static final Instant START = Instant.parse("2026-11-29T03:00:00Z");

    /** What each scenario's records must look like, checked on the JSON as delivered. */
    private static final Map<String, BiConsumer<List<JsonNode>, JsonNode>> CHECKS = new HashMap<>();

    static {
        CHECKS.put("console-brute-force", (records, meta) -> {
            List<JsonNode> failures = named(records, "ConsoleLogin").stream().filter(r -> r.has("errorMessage"))
                    .toList();
            List<JsonNode> successes = named(records, "ConsoleLogin").stream().filter(r -> !r.has("errorMessage"))
                    .toList();
            assertThat(failures).hasSizeGreaterThanOrEqualTo(40);
            for (JsonNode f : failures) {
                assertThat(f.get("eventSource").asText()).isEqualTo("signin.amazonaws.com");
                assertThat(f.get("errorMessage").asText()).isEqualTo("Failed authentication");
                assertThat(f.at("/responseElements/ConsoleLogin").asText()).isEqualTo("Failure");
                assertThat(f.at("/additionalEventData/MFAUsed").asText()).isEqualTo("No");
                assertThat(f.get("awsRegion").asText()).isEqualTo("us-east-1");
                assertThat(f.get("sourceIPAddress").asText()).isEqualTo(failures.get(0).get("sourceIPAddress")
                        .asText());
            }
            assertThat(successes).hasSize(1);
            JsonNode success = successes.get(0);
            assertThat(success.at("/responseElements/ConsoleLogin").asText()).isEqualTo("Success");
            assertThat(success.at("/additionalEventData/MFAUsed").asText()).isEqualTo("No");
            assertThat(success.at("/userIdentity/type").asText()).isEqualTo("IAMUser");
            assertThat(success.at("/userIdentity/userName").asText())
                    .isEqualTo(failures.get(0).at("/userIdentity/userName").asText());
            assertThat(success.get("sourceIPAddress").asText()).isEqualTo(failures.get(0).get("sourceIPAddress")
                    .asText());
            long last = failures.stream().mapToLong(ScenarioTest::time).max().orElseThrow();
            long first = failures.stream().mapToLong(ScenarioTest::time).min().orElseThrow();
            assertThat(time(success)).isGreaterThan(last);
            assertThat(last - first).as("a spike: all within five minutes").isLessThan(300);
        });
        CHECKS.put("root-account-usage", (records, meta) -> {
            for (JsonNode r : records) {
                assertThat(r.at("/userIdentity/type").asText()).isEqualTo("Root");
                assertThat(r.get("userIdentity").has("invokedBy")).isFalse();
                assertThat(r.get("eventType").asText()).isNotEqualTo("AwsServiceEvent");
            }
            JsonNode signIn = named(records, "ConsoleLogin").get(0);
            assertThat(signIn.at("/responseElements/ConsoleLogin").asText()).isEqualTo("Success");
            assertThat(signIn.at("/additionalEventData/MFAUsed").asText()).isEqualTo("Yes");
        });
        CHECKS.put("cloudtrail-stop-and-delete", (records, meta) -> {
            JsonNode stop = named(records, "StopLogging").get(0);
            JsonNode delete = named(records, "DeleteTrail").get(0);
            assertThat(stop.get("eventSource").asText()).isEqualTo("cloudtrail.amazonaws.com");
            assertThat(delete.at("/requestParameters/name").asText()).isEqualTo(stop.at("/requestParameters/name")
                    .asText()).startsWith("arn:aws:cloudtrail:");
            assertThat(time(delete)).isGreaterThan(time(stop));
        });
        CHECKS.put("config-recorder-stopped", (records, meta) -> {
            JsonNode stop = named(records, "StopConfigurationRecorder").get(0);
            assertThat(stop.get("eventSource").asText()).isEqualTo("config.amazonaws.com");
            assertThat(stop.at("/requestParameters/configurationRecorderName").asText()).isEqualTo("default");
            assertThat(named(records, "DeleteDeliveryChannel")).hasSize(1);
        });
        CHECKS.put("kms-key-scheduled-deletion", (records, meta) -> {
            JsonNode schedule = named(records, "ScheduleKeyDeletion").get(0);
            assertThat(schedule.get("eventSource").asText()).isEqualTo("kms.amazonaws.com");
            assertThat(schedule.at("/requestParameters/pendingWindowInDays").asInt()).isEqualTo(7);
            assertThat(schedule.at("/responseElements/keyState").asText()).isEqualTo("PendingDeletion");
            assertThat(schedule.at("/resources/0/type").asText()).isEqualTo("AWS::KMS::Key");
            assertThat(named(records, "DisableKey").get(0).get("eventSource").asText()).isEqualTo("kms.amazonaws.com");
        });
        CHECKS.put("security-group-opened-to-world", (records, meta) -> {
            Set<Integer> ports = new HashSet<>();
            for (JsonNode r : named(records, "AuthorizeSecurityGroupIngress")) {
                JsonNode permission = r.at("/requestParameters/ipPermissions/items/0");
                assertThat(permission.at("/ipRanges/items/0/cidrIp").asText()).isEqualTo("0.0.0.0/0");
                ports.add(permission.get("fromPort").asInt());
                assertThat(r.get("eventSource").asText()).isEqualTo("ec2.amazonaws.com");
            }
            assertThat(ports).containsExactlyInAnyOrder(22, 3389);
        });
        CHECKS.put("internet-gateway-attached-to-private-vpc", (records, meta) -> {
            String igw = named(records, "CreateInternetGateway").get(0)
                    .at("/responseElements/internetGateway/internetGatewayId").asText();
            JsonNode attach = named(records, "AttachInternetGateway").get(0);
            assertThat(attach.at("/requestParameters/internetGatewayId").asText()).isEqualTo(igw).startsWith("igw-");
            assertThat(attach.at("/requestParameters/vpcId").asText()).startsWith("vpc-");
        });
        CHECKS.put("route-table-hijack", (records, meta) -> {
            JsonNode replace = named(records, "ReplaceRoute").get(0);
            assertThat(replace.at("/requestParameters/destinationCidrBlock").asText()).isEqualTo("0.0.0.0/0");
            assertThat(replace.at("/requestParameters/networkInterfaceId").asText()).startsWith("eni-");
            assertThat(replace.at("/requestParameters/routeTableId").asText()).startsWith("rtb-");
        });
        CHECKS.put("nacl-opened", (records, meta) -> {
            Set<Boolean> directions = new HashSet<>();
            for (JsonNode r : named(records, "CreateNetworkAclEntry")) {
                assertThat(r.at("/requestParameters/cidrBlock").asText()).isEqualTo("0.0.0.0/0");
                assertThat(r.at("/requestParameters/ruleAction").asText()).isEqualTo("allow");
                directions.add(r.at("/requestParameters/egress").asBoolean());
            }
            assertThat(directions).containsExactlyInAnyOrder(true, false);
        });
        CHECKS.put("vpc-peering-to-unknown-account", (records, meta) -> {
            Set<String> members = new HashSet<>();
            meta.get("accounts").forEach(a -> members.add(a.get("id").asText()));
            JsonNode peering = named(records, "CreateVpcPeeringConnection").get(0);
            String peer = peering.at("/requestParameters/peerOwnerId").asText();
            assertThat(peer).matches("\\d{12}");
            assertThat(members).doesNotContain(peer);
        });
        CHECKS.put("s3-bucket-policy-public", (records, meta) -> {
            JsonNode put = named(records, "PutBucketPolicy").get(0);
            assertThat(put.get("eventSource").asText()).isEqualTo("s3.amazonaws.com");
            assertThat(put.at("/requestParameters/bucketPolicy/Statement/0/Principal").asText()).isEqualTo("*");
            assertThat(put.at("/requestParameters/bucketPolicy/Statement/0/Effect").asText()).isEqualTo("Allow");
        });
        CHECKS.put("credential-enumeration", (records, meta) -> {
            Set<String> codes = Set.of("AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation");
            List<JsonNode> denied = records.stream().filter(r -> codes.contains(r.path("errorCode").asText()))
                    .toList();
            assertThat(denied).hasSizeGreaterThanOrEqualTo(40);
            assertThat(denied.stream().map(r -> r.get("eventSource").asText()).distinct().count())
                    .isGreaterThanOrEqualTo(5);
            assertThat(denied.stream().map(r -> r.get("errorCode").asText()).distinct().count()).isEqualTo(3);
            assertThat(records.stream().map(r -> r.at("/userIdentity/accessKeyId").asText()).distinct().count())
                    .isEqualTo(1);
            long first = records.stream().mapToLong(ScenarioTest::time).min().orElseThrow();
            long last = records.stream().mapToLong(ScenarioTest::time).max().orElseThrow();
            assertThat(last - first).as("a burst").isLessThanOrEqualTo(240);
        });
        CHECKS.put("account-leaves-organization", (records, meta) -> {
            JsonNode leave = named(records, "LeaveOrganization").get(0);
            assertThat(leave.get("eventSource").asText()).isEqualTo("organizations.amazonaws.com");
            assertThat(leave.get("awsRegion").asText()).isEqualTo("us-east-1");
            String management = meta.get("accounts").get(0).get("id").asText();
            assertThat(leave.get("recipientAccountId").asText()).isNotEqualTo(management);
        });
        CHECKS.put("iam-privilege-escalation", (records, meta) -> {
            JsonNode attach = named(records, "AttachUserPolicy").get(0);
            assertThat(attach.at("/requestParameters/policyArn").asText())
                    .isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
            assertThat(named(records, "PutRolePolicy").get(0).at("/requestParameters/policyDocument").asText())
                    .contains("\"Action\":\"*\"");
            assertThat(attach.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        });
    }

    static Stream<Scenario> scenarios() {
        return ScenarioLibrary.all().stream();
    }

    @Test
    void everyScenarioHasItsFieldChecks() {
        assertThat(CHECKS.keySet()).containsExactlyInAnyOrderElementsOf(ScenarioLibrary.names());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenarioInjectsRecordsThatMatchItsDocumentedRules(Scenario scenario) {
        Generated run = Generated.run(Generated.quiet(11, START, Duration.ofMinutes(15))
                .scenarios(ScenarioSchedule.fixed(List.of(new ScenarioSchedule.At(Duration.ofSeconds(60),
                        scenario)))));
        List<JsonNode> runs = run.truthLines("scenario");
        assertThat(runs).hasSize(1);
        JsonNode line = runs.get(0);
        assertThat(line.get("scenario").asText()).isEqualTo(scenario.name());
        Set<String> ids = new HashSet<>();
        line.get("eventIDs").forEach(n -> ids.add(n.asText()));

        List<JsonNode> records = new ArrayList<>();
        for (LogFile f : run.files) {
            for (JsonNode r : Generated.records(f)) {
                if (ids.contains(r.get("eventID").asText())) {
                    records.add(r);
                }
            }
        }
        assertThat(records).as("every record of the run was delivered").hasSize(ids.size());

        Set<String> matched = new HashSet<>();
        for (JsonNode r : records) {
            matched.addAll(JsonCisMatcher.matches(r));
        }
        Set<String> expected = new HashSet<>(scenario.expectedRules());
        expected.remove(RuleIds.OUTLIER_CONSOLE_AUTH_FAILURES);
        assertThat(matched).as("the CIS patterns the records match are exactly the documented ones")
                .isEqualTo(expected);
        Set<String> lineRules = new HashSet<>();
        line.get("expectedRules").forEach(n -> lineRules.add(n.asText()));
        assertThat(lineRules).containsExactlyInAnyOrderElementsOf(scenario.expectedRules());

        long span = Instant.parse(line.get("end").asText()).getEpochSecond()
                - Instant.parse(line.get("start").asText()).getEpochSecond();
        assertThat(span).as("run length").isLessThanOrEqualTo(scenario.maxDuration().getSeconds());

        CHECKS.get(scenario.name()).accept(records, run.truthLines("meta").get(0));
    }

    private static List<JsonNode> named(List<JsonNode> records, String eventName) {
        List<JsonNode> out = records.stream().filter(r -> r.get("eventName").asText().equals(eventName)).toList();
        assertThat(out).as(eventName).isNotEmpty();
        return out;
    }

    private static long time(JsonNode r) {
        return Instant.parse(r.get("eventTime").asText()).getEpochSecond();
    }
}
