package io.trailwatch.simulator.traffic;

import io.trailwatch.simulator.event.CloudTrailEvent;

/** Fills the API-specific fields of a record: source, name, readOnly, parameters, response, resources. */
@FunctionalInterface
public interface Call {
    void fill(CloudTrailEvent event, CallContext context);
}
