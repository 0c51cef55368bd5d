package io.trailwatch.alert.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.alert.repository.ChannelEntity;
import io.trailwatch.alert.repository.ChannelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The channels senders use, with secrets decrypted once per change rather than per delivery. Refreshed on every
 * full sender pass, so changes made through another instance arrive within the sender interval.
 */
@ApplicationScoped
public class ChannelDirectory {

    /** A channel ready to send, or why it is not (e.g. its secret cannot be decrypted). */
    public record Entry(ResolvedChannel channel, String problem, Instant version) {
    }

    private final ChannelRepository channels;
    private final ChannelService service;
    private volatile Map<String, Entry> entries = Map.of();

    public ChannelDirectory(ChannelRepository channels, ChannelService service) {
        this.channels = channels;
        this.service = service;
    }

    public synchronized void refresh() {
        List<ChannelEntity> all = QuarkusTransaction.requiringNew().call(channels::listByName);
        Map<String, Entry> current = entries;
        Map<String, Entry> fresh = new HashMap<>();
        for (ChannelEntity entity : all) {
            Entry known = current.get(entity.name);
            if (known != null && Objects.equals(known.version(), entity.updatedAt)) {
                fresh.put(entity.name, known);
                continue;
            }
            try {
                fresh.put(entity.name, new Entry(service.resolve(entity), null, entity.updatedAt));
            } catch (RuntimeException e) {
                fresh.put(entity.name, new Entry(null, e.getMessage(), entity.updatedAt));
            }
        }
        entries = Map.copyOf(fresh);
    }

    public Optional<Entry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Set<String> names() {
        return entries.keySet();
    }
}
