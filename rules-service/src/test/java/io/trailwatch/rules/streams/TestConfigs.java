package io.trailwatch.rules.streams;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.trailwatch.rules.config.RulesConfig;
import java.util.Map;

/** A {@link RulesConfig} as the service would read it, defaults and converters included, from a few settings. */
final class TestConfigs {

    private TestConfigs() {
    }

    static RulesConfig rules(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withMapping(RulesConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
        return config.getConfigMapping(RulesConfig.class);
    }
}
