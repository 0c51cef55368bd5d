package io.trailwatch.common.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Stops this service when the process that launched it ({@code TRAILWATCH_PARENT_PID}, set by the local stack)
 * is gone, so a local stack killed without a chance to clean up leaves no orphan services behind.
 */
@ApplicationScoped
public class ParentProcessWatchdog {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatchdog.class);

    private final Optional<Long> parentPid;

    public ParentProcessWatchdog(@ConfigProperty(name = "trailwatch.parent-pid") Optional<Long> parentPid) {
        this.parentPid = parentPid;
    }

    void onStart(@Observes StartupEvent event) {
        parentPid.flatMap(ProcessHandle::of).ifPresent(parent ->
                parent.onExit().thenRun(() -> {
                    LOG.warnf("parent process %d exited: stopping", parent.pid());
                    Quarkus.asyncExit(0);
                }));
    }
}
