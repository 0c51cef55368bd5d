package io.trailwatch.rules.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.FindingIds;
import io.trailwatch.contracts.Geo;
import io.trailwatch.contracts.OutlierDetails;
import io.trailwatch.contracts.Principal;
import io.trailwatch.rules.engine.outlier.DetectorDefinition;
import io.trailwatch.rules.engine.outlier.OutlierVerdict;
import io.trailwatch.rules.engine.rule.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Builds Findings: a rule that matched a record (ids, who, where, a one-line summary), or an outlier slice. */
@ApplicationScoped
public class FindingFactory {

    private final GeoLocator geo;
    private final Clock clock;

    @Inject
    public FindingFactory(GeoLocator geo) {
        this(geo, Clock.systemUTC());
    }

    public FindingFactory(GeoLocator geo, Clock clock) {
        this.geo = geo;
        this.clock = clock;
    }

    public Finding create(Rule rule, JsonNode record) {
        String eventID = text(record, "eventID");
        String account = accountOf(record);
        Principal principal = principalOf(record.path("userIdentity"));
        String sourceIp = text(record, "sourceIPAddress");
        Geo location = geo.locate(sourceIp).orElse(null);
        return new Finding(
                FindingIds.forEvent(rule.id(), eventID),
                rule.id(), rule.title(), rule.severity(), rule.category(), rule.cis(),
                account, text(record, "awsRegion"), eventTime(record), eventID,
                text(record, "eventName"), text(record, "eventSource"), principal, sourceIp, location,
                text(record, "userAgent"),
                Summaries.of(rule, record, principal, account, location),
                Instant.now(clock), record, null);
    }

    /**
     * The finding of an outlier violation: one per detector, group and slice (deterministic id). The account is
     * the group when the detector groups by account, else the account with most events in the slice; the source
     * address (and its location) or the principal is filled in when the detector groups by it.
     */
    public Finding createOutlier(DetectorDefinition detector, String group, OutlierVerdict verdict,
            OutlierDetails.Contributor topAccount, List<OutlierDetails.Contributor> principals,
            List<OutlierDetails.Contributor> sourceIps, List<OutlierDetails.Contributor> countries) {
        Instant start = verdict.slice();
        Instant end = start.plus(detector.parameters().timeslice());
        OutlierDetails details = new OutlierDetails(detector.id(), group, start, end, verdict.value(), verdict.mean(),
                verdict.stddev(), verdict.upper(), verdict.lower(), principals, sourceIps, countries);
        String field = detector.groupBy().field();
        String account = "accountId".equals(field) ? group : topAccount != null ? topAccount.value() : "unknown";
        String sourceIp = "sourceIPAddress".equals(field) ? group : null;
        Geo location = sourceIp == null ? null : geo.locate(sourceIp).orElse(null);
        Principal principal = switch (field == null ? "" : field) {
            case "principal" -> group.startsWith("arn:") ? new Principal(null, group, null)
                    : new Principal(null, null, group);
            case "userName" -> new Principal(null, null, group);
            default -> null;
        };
        return new Finding(FindingIds.forSlice(detector.id(), group, start), detector.id(), detector.title(),
                detector.severity(), detector.category(), null, account, null, start, null, null, null, principal,
                sourceIp, location, null, Summaries.ofOutlier(detector, group, details), Instant.now(clock), null,
                details);
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
