package io.trailwatch.query.repository;

import java.time.Instant;

/**
 * A CloudTrail record as stored: the columns analysts filter on and the record itself.
 *
 * @param sourceInet the source address as an IP literal, or null when sourceIPAddress is a host name such as
 *                   {@code ec2.amazonaws.com}
 * @param record the record as AWS wrote it (JSON); null when a list does not need it
 */
public record EventRow(String eventId, Instant eventTime, String accountId, String region, String eventSource,
                       String eventName, String eventType, String principalType, String principalArn,
                       String principalName, String principalAccountId, String accessKeyId, String sourceIp,
                       String sourceInet, String userAgent, String errorCode, String errorMessage, Boolean readOnly,
                       String consoleLogin, String mfaUsed, String record) {
}
