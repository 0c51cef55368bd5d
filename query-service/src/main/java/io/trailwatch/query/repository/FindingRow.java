package io.trailwatch.query.repository;

import java.time.Instant;

/** A finding as stored by ingestion: every field of the Finding contract, nested ones as JSON text. */
public record FindingRow(String findingId, String ruleId, String title, String severity, int severityRank,
                         String category, String cisJson, String accountId, String region, Instant eventTime,
                         String eventId, String eventName, String eventSource, String principalType,
                         String principalArn, String principalName, String sourceIp, String country, String city,
                         Double latitude, Double longitude, String userAgent, String summary, Instant detectedAt,
                         String eventJson, String outlierJson) {
}
