package io.trailwatch.simulator.org;

/** Where an application role runs; decides its session name and source address. */
public enum AppRuntime {
    EC2, LAMBDA, ECS
}
