package io.trailwatch.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.alert.model.GroupKey;
import io.trailwatch.alert.testing.Api;
import io.trailwatch.alert.testing.Deliveries;
import io.trailwatch.alert.testing.FakeJira;
import io.trailwatch.alert.testing.FakeServiceNow;
import io.trailwatch.alert.testing.Findings;
import io.trailwatch.alert.testing.GreenMailResource;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jira and ServiceNow: one ticket per alert group, found again before anything new is created. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
class TicketChannelsTest {

    @Test
    void jiraOpensOneIssuePerGroupAndCommentsOnRepeats() {
        String account = Findings.uniqueAccount();
        try (FakeJira jira = new FakeJira("bot@example.test", "jira-token-" + account)) {
            String channel = "jira-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "jira", "baseUrl": "%s", "email": "bot@example.test",
                     "apiToken": "jira-token-%s", "projectKey": "SEC", "issueType": "Bug", "labels": ["soc"],
                     "priorities": {"critical": "Highest"}, "fieldMapping": {"customfield_10050": "accountId"},
                     "fields": {"components": [{"name": "AWS"}]}}"""
                    .formatted(channel, jira.baseUrl(), account)).statusCode(201);
            OnCallChannelsTest.groupedRoute(account, channel);

            Findings.publish(Findings.hostile(Findings.newId(), "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> jira.issues().size() == 1);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> jira.issues().get(0).comments().size() == 1);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> jira.issues().get(0).comments().size() == 2);

            assertThat(jira.issues()).hasSize(1);
            FakeJira.Issue issue = jira.issues().get(0);
            String groupKey = GroupKey.of("r-" + account, labels(account));
            assertThat(issue.labels()).containsExactly("trailwatch", "trailwatch-" + groupKey, "soc");
            JsonNode fields = issue.fields();
            assertThat(fields.get("project").get("key").asText()).isEqualTo("SEC");
            assertThat(fields.get("issuetype").get("name").asText()).isEqualTo("Bug");
            assertThat(fields.get("priority").get("name").asText()).isEqualTo("Highest");
            assertThat(fields.get("customfield_10050").asText()).isEqualTo(account);
            assertThat(fields.get("components").get(0).get("name").asText()).isEqualTo("AWS");
            assertThat(fields.get("summary").asText()).isEqualTo("Root account usage in " + account);
            JsonNode description = fields.get("description");
            assertThat(description.get("type").asText()).isEqualTo("doc");
            List<String> texts = texts(description);
            assertThat(texts).anySatisfy(t -> assertThat(t).contains(Findings.HOSTILE));
            assertThat(links(description)).allSatisfy(href -> assertThat(href).startsWith("https://trailwatch.test/"));
            assertThat(Deliveries.of(channel, "delivered")).extracting(d -> d.get("externalRef").asText())
                    .containsOnly(issue.key());
        }
    }

    @Test
    void jiraFindsAnOpenIssueOfTheGroupByItsLabelBeforeCreatingOne() {
        String account = Findings.uniqueAccount();
        try (FakeJira jira = new FakeJira("bot@example.test", "token")) {
            String channel = "jira-" + account;
            FakeJira.Issue closed = jira.seed(List.of("trailwatch-" + GroupKey.of("r-" + account, labels(account))));
            jira.close(closed);
            FakeJira.Issue open = jira.seed(List.of("trailwatch-" + GroupKey.of("r-" + account, labels(account))));
            Api.createChannel("""
                    {"name": "%s", "type": "jira", "baseUrl": "%s", "email": "bot@example.test",
                     "apiToken": "token", "projectKey": "SEC"}""".formatted(channel, jira.baseUrl())).statusCode(201);
            OnCallChannelsTest.groupedRoute(account, channel);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "critical", account));

            await().atMost(Duration.ofSeconds(45)).until(() -> open.comments().size() == 1);
            assertThat(jira.issues()).hasSize(2);
            assertThat(closed.comments()).isEmpty();
        }
    }

    @Test
    void serviceNowOpensOneIncidentPerGroupAndAddsWorkNotes() {
        String account = Findings.uniqueAccount();
        try (FakeServiceNow snow = new FakeServiceNow("trailwatch", "snow-pw-" + account)) {
            String channel = "snow-" + account;
            Api.createChannel("""
                    {"name": "%s", "type": "servicenow", "instanceUrl": "%s", "username": "trailwatch",
                     "password": "snow-pw-%s", "assignmentGroup": "SOC", "additionalFields": {"u_source": "trailwatch"}}"""
                    .formatted(channel, snow.instanceUrl(), account)).statusCode(201);
            OnCallChannelsTest.groupedRoute(account, channel);

            Findings.publish(Findings.hostile(Findings.newId(), "cis-root-account-usage", "high", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> snow.incidents().size() == 1);
            Findings.publish(Findings.finding(Findings.newId(), "cis-root-account-usage", "high", account));
            await().atMost(Duration.ofSeconds(45)).until(() -> snow.incidents().get(0).workNotes().size() == 1);

            assertThat(snow.incidents()).hasSize(1);
            FakeServiceNow.Incident incident = snow.incidents().get(0);
            JsonNode fields = incident.fields();
            assertThat(fields.get("correlation_id").asText())
                    .isEqualTo(GroupKey.of("r-" + account, labels(account)));
            assertThat(fields.get("correlation_display").asText()).isEqualTo("Trailwatch");
            assertThat(fields.get("impact").asText()).isEqualTo("1");
            assertThat(fields.get("urgency").asText()).isEqualTo("2");
            assertThat(fields.get("assignment_group").asText()).isEqualTo("SOC");
            assertThat(fields.get("u_source").asText()).isEqualTo("trailwatch");
            assertThat(fields.get("short_description").asText()).hasSizeLessThanOrEqualTo(160);
            assertThat(fields.get("description").asText()).doesNotContain("[code]").contains("<script>alert(1)</script>");
            assertThat(incident.workNotes().get(0)).contains("2 firing, 1 new");
            assertThat(Deliveries.of(channel, "delivered")).extracting(d -> d.get("externalRef").asText())
                    .containsOnly(incident.number());
        }
    }

    private static Map<String, String> labels(String account) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ruleId", "cis-root-account-usage");
        labels.put("accountId", account);
        return labels;
    }

    private static List<String> texts(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject() && "text".equals(node.path("type").asText())) {
            found.add(node.get("text").asText());
        }
        node.elements().forEachRemaining(child -> found.addAll(texts(child)));
        return found;
    }

    private static List<String> links(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject() && "link".equals(node.path("type").asText())) {
            found.add(node.get("attrs").get("href").asText());
        }
        node.elements().forEachRemaining(child -> found.addAll(links(child)));
        return found;
    }
}
