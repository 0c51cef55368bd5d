package io.trailwatch.rules.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.trailwatch.contracts.Topics;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "trailwatch.rules")
public interface RulesConfig {

    /** CIS benchmark version whose patterns are used, e.g. v1.4.0; the newest when unset. */
    Optional<String> cisVersion();

    /** Directory of custom rule files (one YAML file per rule). */
    Optional<Path> customDir();

    /** Rule ids to enable although their file says disabled (e.g. tuned variants). */
    Optional<Set<String>> enable();

    /** Rule ids to disable. */
    Optional<Set<String>> disable();

    @WithDefault(Topics.CLOUDTRAIL_EVENTS)
    String eventsTopic();

    @WithDefault(Topics.FINDINGS)
    String findingsTopic();

    @WithDefault(Topics.REJECTED)
    String rejectedTopic();
}
