package io.trailwatch.rules.service;

import io.trailwatch.rules.config.RulesConfig;
import io.trailwatch.rules.engine.rule.CisVersion;
import io.trailwatch.rules.engine.rule.RuleLoadError;
import io.trailwatch.rules.engine.rule.RuleSet;
import io.trailwatch.rules.engine.rule.RuleSetOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import org.jboss.logging.Logger;

/** Loads the rules in force once at start: the built-in pack for the configured benchmark plus custom rules. */
@ApplicationScoped
public class RuleSetProvider {

    private static final Logger LOG = Logger.getLogger(RuleSetProvider.class);

    @Produces
    @Singleton
    RuleSet ruleSet(RulesConfig config) {
        RuleSetOptions options = RuleSetOptions.defaults()
                .withCisVersion(config.cisVersion().map(CisVersion::parse).orElse(CisVersion.LATEST))
                .withEnabled(config.enable().orElse(Set.of()))
                .withDisabled(config.disable().orElse(Set.of()));
        if (config.customDir().isPresent()) {
            options = options.withCustomDir(config.customDir().get());
        }
        RuleSet rules = RuleSet.load(options);
        for (RuleLoadError error : rules.loadErrors()) {
            LOG.errorf("rule not loaded: %s", error);
        }
        LOG.infof("%d rules loaded for CIS %s (%d enabled, %d load errors)", rules.rules().size(),
                rules.cisVersion(), rules.rules().stream().filter(r -> r.enabled()).count(),
                rules.loadErrors().size());
        return rules;
    }
}
