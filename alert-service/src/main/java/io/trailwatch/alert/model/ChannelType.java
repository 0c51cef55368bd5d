package io.trailwatch.alert.model;

import static io.trailwatch.alert.model.SettingSpec.Kind.EMAIL_LIST;
import static io.trailwatch.alert.model.SettingSpec.Kind.JSON_ARRAY;
import static io.trailwatch.alert.model.SettingSpec.Kind.JSON_OBJECT;
import static io.trailwatch.alert.model.SettingSpec.Kind.STRING;
import static io.trailwatch.alert.model.SettingSpec.Kind.STRING_LIST;
import static io.trailwatch.alert.model.SettingSpec.Kind.STRING_MAP;
import static io.trailwatch.alert.model.SettingSpec.Kind.URL;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of receivers and the settings each one takes. */
public enum ChannelType {
    WEBHOOK("webhook", "Generic webhook: the documented JSON body (or a Qute template), signed with Standard Webhooks",
            List.of(
                    SettingSpec.required("url", URL, "Receiver URL the notification is POSTed to."),
                    SettingSpec.secret("secret", STRING, false, "Signing secret (Standard Webhooks: whsec_<base64>, "
                            + "or any other string used as is). When set, webhook-signature is sent."),
                    SettingSpec.optional("headers", STRING_MAP, "Extra request headers."),
                    SettingSpec.secret("secretHeaders", STRING_MAP, false,
                            "Extra request headers whose values are secret, e.g. Authorization."),
                    SettingSpec.optional("template", STRING, "Qute template of the body instead of the built-in JSON. "
                            + "Values are JSON-escaped when contentType is JSON; {x.json} writes any value as JSON, "
                            + "{x.raw} unescaped."),
                    SettingSpec.withDefault("contentType", "application/json", STRING, "Content-Type of the body."),
                    SettingSpec.flag("includeEvent", false, "Include the matched CloudTrail record in each finding."),
                    SettingSpec.flag("sendResolved", true, "Notify when findings are resolved."))),
    SLACK("slack", "Slack incoming webhook (Block Kit message)", List.of(
            SettingSpec.secret("webhookUrl", URL, true, "Incoming webhook URL (https://hooks.slack.com/services/...); "
                    + "it is the credential, so it is stored as a secret."),
            SettingSpec.flag("sendResolved", true, "Post a message when findings are resolved."))),
    TEAMS("teams", "Microsoft Teams Workflows webhook (Adaptive Card)", List.of(
            SettingSpec.secret("webhookUrl", URL, true, "URL of the Workflows trigger \"When a Teams webhook request "
                    + "is received\"; it carries a signature, so it is stored as a secret."),
            SettingSpec.flag("sendResolved", true, "Post a card when findings are resolved."))),
    PAGERDUTY("pagerduty", "PagerDuty Events API v2 (trigger, and resolve when findings are resolved)", List.of(
            SettingSpec.secret("routingKey", STRING, true, "Integration key of the PagerDuty service."),
            SettingSpec.withDefault("eventsUrl", "https://events.pagerduty.com/v2/enqueue", URL, "Events API endpoint."),
            SettingSpec.flag("sendResolved", true, "Resolve the incident when every finding of the group is resolved."))),
    OPSGENIE("opsgenie", "Opsgenie Alerts API (create, and close when findings are resolved)", List.of(
            SettingSpec.secret("apiKey", STRING, true, "API key of an Opsgenie API integration (sent as GenieKey)."),
            SettingSpec.withDefault("apiUrl", "https://api.opsgenie.com", URL,
                    "API base URL (https://api.eu.opsgenie.com for the EU instance)."),
            SettingSpec.optional("responders", JSON_ARRAY, "Responders, as Opsgenie expects them, e.g. "
                    + "[{\"type\": \"team\", \"name\": \"SecOps\"}]."),
            SettingSpec.optional("tags", STRING_LIST, "Tags added to every alert."),
            SettingSpec.flag("sendResolved", true, "Close the alert when every finding of the group is resolved."))),
    JIRA("jira", "Jira Cloud REST API v3: one issue per group (found by label), comments on repeats", List.of(
            SettingSpec.required("baseUrl", URL, "Site URL, e.g. https://example.atlassian.net."),
            SettingSpec.required("email", STRING, "Account e-mail the API token belongs to."),
            SettingSpec.secret("apiToken", STRING, true, "Atlassian API token."),
            SettingSpec.required("projectKey", STRING, "Project the issues are created in, e.g. SEC."),
            SettingSpec.withDefault("issueType", "Task", STRING, "Issue type name."),
            SettingSpec.optional("labels", STRING_LIST, "Labels added to every issue (besides the dedup label)."),
            SettingSpec.optional("priorities", STRING_MAP, "Jira priority name per severity, e.g. "
                    + "{\"critical\": \"Highest\", \"high\": \"High\"}."),
            SettingSpec.optional("fieldMapping", STRING_MAP, "Jira field id -> finding field, e.g. "
                    + "{\"customfield_10050\": \"accountId\"}."),
            SettingSpec.optional("fields", JSON_OBJECT, "Further fields set on every new issue, as Jira expects them."),
            SettingSpec.flag("sendResolved", true, "Comment on the issue when findings are resolved."))),
    SERVICENOW("servicenow", "ServiceNow Table API: one incident per group (correlation_id), work notes on repeats",
            List.of(
                    SettingSpec.required("instanceUrl", URL, "Instance URL, e.g. https://example.service-now.com."),
                    SettingSpec.required("username", STRING, "User of basic authentication."),
                    SettingSpec.secret("password", STRING, true, "Password of that user."),
                    SettingSpec.withDefault("table", "incident", STRING, "Table the records are created in."),
                    SettingSpec.optional("assignmentGroup", STRING, "assignment_group of new incidents."),
                    SettingSpec.optional("callerId", STRING, "caller_id of new incidents."),
                    SettingSpec.optional("category", STRING, "category of new incidents."),
                    SettingSpec.optional("additionalFields", JSON_OBJECT, "Further columns of new incidents, e.g. "
                            + "{\"u_source\": \"trailwatch\"}."),
                    SettingSpec.flag("sendResolved", true, "Add a work note when findings are resolved."))),
    EMAIL("email", "E-mail through the configured SMTP server (HTML and text)", List.of(
            SettingSpec.required("to", EMAIL_LIST, "Recipients."),
            SettingSpec.optional("cc", EMAIL_LIST, "Copy recipients."),
            SettingSpec.optional("from", SettingSpec.Kind.EMAIL, "Sender; default quarkus.mailer.from."),
            SettingSpec.withDefault("subjectPrefix", "[Trailwatch]", STRING, "Start of every subject."),
            SettingSpec.flag("sendResolved", true, "Send a mail when findings are resolved.")));

    private final String wireName;
    private final String description;
    private final List<SettingSpec> settings;

    ChannelType(String wireName, String description, List<SettingSpec> settings) {
        this.wireName = wireName;
        this.description = description;
        this.settings = settings;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public List<SettingSpec> settings() {
        return settings;
    }

    public Optional<SettingSpec> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static ChannelType fromWire(String value) {
        for (ChannelType t : values()) {
            if (t.wireName.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'type' must be one of " + names() + ", got "
                + (value == null ? "nothing" : "'" + value + "'"));
    }

    public static String names() {
        return Arrays.stream(values()).map(ChannelType::wireName).collect(Collectors.joining(", "));
    }
}
