package io.trailwatch.collector.service;

/** Reads one S3 object to the end (or decides not to); sources hand their objects to one. */
@FunctionalInterface
public interface ObjectHandler {

    ObjectOutcome handle(S3ObjectRef object);
}
