package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dictionary of distinct user agents. Ingestion maps each event's userAgent to its id (registering new ones in a
 * short transaction of their own, so concurrent batches never wait on each other's locks); a search finds the ids
 * whose text matches. Entries are never deleted, so an id once known stays valid and is cached.
 */
@ApplicationScoped
public class UserAgents {

    private static final int CACHE_SIZE = 50_000;
    /** A search matching more distinct user agents than this is refused as too broad. */
    public static final int MAX_MATCHES = 20_000;

    private final AgroalDataSource dataSource;
    private final Map<String, Long> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public UserAgents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The id of each of {@code agents}, registering the ones seen for the first time. */
    public Map<String, Long> idsOf(Collection<String> agents) {
        Map<String, Long> ids = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String agent : agents) {
                Long id = cache.get(agent);
                if (id != null) {
                    ids.put(agent, id);
                } else if (!ids.containsKey(agent)) {
                    missing.add(agent);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Long> registered = QuarkusTransaction.requiringNew().call(() -> register(missing));
            ids.putAll(registered);
            synchronized (cache) {
                cache.putAll(registered);
            }
        }
        return ids;
    }

    private Map<String, Long> register(List<String> agents) {
        byte[][] hashes = new byte[agents.size()][];
        Map<String, String> textOfHash = new HashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            hashes[i] = sha256(agents.get(i));
            textOfHash.put(hex(hashes[i]), agents.get(i));
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO query.user_agents (hash, user_agent)
                    SELECT h, a FROM unnest(?::bytea[], ?::text[]) AS t(h, a) ORDER BY h
                    ON CONFLICT (hash) DO NOTHING""")) {
                insert.setArray(1, connection.createArrayOf("bytea", hashes));
                insert.setArray(2, connection.createArrayOf("text", agents.toArray()));
                insert.executeUpdate();
            }
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, hash FROM query.user_agents WHERE hash = ANY(?::bytea[])")) {
                select.setArray(1, connection.createArrayOf("bytea", hashes));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.put(textOfHash.get(hex(rs.getBytes(2))), rs.getLong(1));
                    }
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("registering " + agents.size() + " user agents", e);
        }
    }

    /** The ids of the user agents containing {@code text} (case-insensitive), at most {@link #MAX_MATCHES} + 1. */
    @Transactional
    public List<Long> matching(String text) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM query.user_agents WHERE user_agent ILIKE ? LIMIT " + (MAX_MATCHES + 1))) {
            select.setString(1, "%" + SqlQuery.escapeLike(text) + "%");
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("searching user agents", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
