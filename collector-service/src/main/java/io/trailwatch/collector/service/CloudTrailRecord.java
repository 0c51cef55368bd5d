package io.trailwatch.collector.service;

/**
 * One record ready to publish: its bytes exactly as AWS wrote them and what the message needs besides.
 *
 * @param accountId the Kafka key: recipientAccountId, else the acting account
 * @param insight true for CloudTrail Insights records (published with their own record type)
 */
public record CloudTrailRecord(byte[] json, String eventID, String accountId, boolean insight) {
}
