package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.trailwatch.alert.config.AlertConfig;
import io.trailwatch.common.rest.ApiException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * With {@code trailwatch.alert.bootstrap.webhook-url} set, makes sure at start that a webhook channel with that URL
 * exists (its URL follows the setting) and, if it does not exist yet, a catch-all route to it that notifies every
 * finding on its own and at once (groupBy [], groupWait 0s, no repeats). An administrator may edit the route later;
 * it is not overwritten.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    static final String USER = "bootstrap";

    private final AlertConfig config;
    private final ChannelService channels;
    private final RouteService routes;
    private final ObjectMapper mapper;

    public Bootstrap(AlertConfig config, ChannelService channels, RouteService routes, ObjectMapper mapper) {
        this.config = config;
        this.channels = channels;
        this.routes = routes;
        this.mapper = mapper;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        config.bootstrap().webhookUrl().ifPresent(this::apply);
    }

    void apply(URI url) {
        String channel = config.bootstrap().channelName();
        String route = config.bootstrap().routeName();
        ObjectNode channelBody = mapper.createObjectNode().put("name", channel).put("type", "webhook")
                .put("url", url.toString());
        try {
            channels.put(channel, channelBody, USER);
            boolean routeExists = routes.list().stream().anyMatch(r -> r.path("name").asText().equals(route));
            if (!routeExists) {
                ObjectNode routeBody = mapper.createObjectNode().put("name", route).put("order", 0)
                        .put("groupWait", "0s").put("groupInterval", "1m").put("repeatInterval", "0s");
                routeBody.putArray("channels").add(channel);
                routeBody.putArray("groupBy");
                routes.ensure(route, routeBody, USER);
                LOG.infof("created route '%s' sending every finding to channel '%s'", route, channel);
            }
        } catch (ApiException e) {
            throw new IllegalStateException("trailwatch.alert.bootstrap.webhook-url cannot be used: " + e.getMessage(), e);
        }
    }
}
