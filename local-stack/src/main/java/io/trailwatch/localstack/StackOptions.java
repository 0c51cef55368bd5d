package io.trailwatch.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the local stack.
 *
 * @param home the checkout, where each service's packaged jar is found
 * @param dataDir where Kafka, PostgreSQL, S3 objects, state and logs live; kept between runs
 * @param demo whether to feed simulated CloudTrail traffic
 * @param extraEnv additional environment per service name (e.g. a webhook URL in tests)
 */
public record StackOptions(Path home, Path dataDir, StackPorts ports, boolean demo,
                           Map<String, Map<String, String>> extraEnv) {

    public static final String BUCKET = "trailwatch-cloudtrail";
    public static final String QUEUE = "trailwatch-cloudtrail-notifications";
    public static final int EVENT_PARTITIONS = 12;
}
