package io.trailwatch.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.FindingIds;
import io.trailwatch.contracts.Geo;
import io.trailwatch.contracts.Principal;
import io.trailwatch.rules.engine.rule.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Builds the Finding for a rule that matched a record: ids, who, where, and a one-line summary. */
@ApplicationScoped
public class FindingFactory {

    private final Clock clock;

    public FindingFactory() {
        this(Clock.systemUTC());
    }

    FindingFactory(Clock clock) {
        this.clock = clock;
    }

    public Finding create(Rule rule, JsonNode record) {
        String eventID = text(record, "eventID");
        String account = accountOf(record);
        Principal principal = principalOf(record.path("userIdentity"));
        String sourceIp = text(record, "sourceIPAddress");
        Geo geo = null;
        return new Finding(
                FindingIds.forEvent(rule.id(), eventID),
                rule.id(), rule.title(), rule.severity(), rule.category(), rule.cis(),
                account, text(record, "awsRegion"), eventTime(record), eventID,
                text(record, "eventName"), text(record, "eventSource"), principal, sourceIp, geo,
                text(record, "userAgent"),
                Summaries.of(rule, record, principal, account, geo),
                Instant.now(clock), record, null);
    }

    static String accountOf(JsonNode record) {
        String recipient = text(record, "recipientAccountId");
        if (recipient != null) {
            return recipient;
        }
        String acting = text(record.path("userIdentity"), "accountId");
        return acting != null ? acting : "unknown";
    }

    /** Who acted: for roles the role behind the session, for root "root", for SSO users their user name. */
    static Principal principalOf(JsonNode identity) {
        String type = text(identity, "type");
        String arn = text(identity, "arn");
        String userName = text(identity, "userName");
        JsonNode issuer = identity.path("sessionContext").path("sessionIssuer");
        if (userName == null && issuer.isObject()) {
            userName = text(issuer, "userName");
        }
        if (userName == null && "Root".equals(type)) {
            userName = "root";
        }
        if (userName == null) {
            userName = text(identity.path("onBehalfOf"), "userId");
        }
        if (type == null && arn == null && userName == null) {
            return null;
        }
        return new Principal(type, arn, userName);
    }

    private static Instant eventTime(JsonNode record) {
        String time = text(record, "eventTime");
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
