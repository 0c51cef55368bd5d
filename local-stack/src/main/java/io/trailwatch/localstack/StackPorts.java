package io.trailwatch.localstack;

import io.trailwatch.infra.FreePorts;

/** Where everything listens, all on 127.0.0.1. */
public record StackPorts(int query, int collector, int rules, int alert, int kafka, int postgres, int s3, int sqs) {

    /** The documented ports of the local stack. */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 9092, 5433, 9000, 9324);
    }

    /** Free ports, for tests that must not collide with a running stack. */
    public static StackPorts free() {
        return new StackPorts(FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
    }
}
