package io.trailwatch.collector.service.listing;

/**
 * One folder of CloudTrail files: {@code [prefix/]AWSLogs/[o-id/]<account>/CloudTrail[-Insight]/<region>/}, under
 * which keys are {@code YYYY/MM/DD/<file>}, so key order is time order.
 */
public record LogPrefix(String prefix, String account, String region, boolean insight) {
}
