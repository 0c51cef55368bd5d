package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The day partitions of {@code query.events} (one per UTC day, named {@code events_pYYYYMMDD}). DDL runs under a
 * transaction-scoped advisory lock so several replicas never race, and with a lock timeout so a long query holding
 * the table cannot stall ingestion for long (the caller retries).
 */
@ApplicationScoped
public class EventPartitions {

    private static final Logger LOG = Logger.getLogger(EventPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PREFIX = "events_p";
    /** An arbitrary constant identifying "partition DDL on query.events" among advisory locks. */
    private static final long DDL_LOCK = 0x7472_6169_6c77_0001L;

    private final AgroalDataSource dataSource;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    public EventPartitions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes sure every one of {@code days} has its partition; cheap when they are known to exist. */
    public void ensure(Collection<LocalDate> days) {
        List<LocalDate> missing = days.stream().filter(d -> !known.contains(d)).distinct().sorted().toList();
        if (!missing.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> create(missing));
            known.addAll(missing);
        }
    }

    /** Forgets which partitions exist, e.g. after another replica dropped one; the next ensure checks again. */
    public void forget() {
        known.clear();
    }

    private void create(List<LocalDate> days) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            lock(statement);
            for (LocalDate day : days) {
                statement.execute("CREATE TABLE IF NOT EXISTS query." + name(day) + " PARTITION OF query.events"
                        + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            }
        } catch (SQLException e) {
            throw new StoreException("creating event partitions for " + days, e);
        }
    }

    /** Drops every partition of a day before {@code firstKept}; returns the names dropped. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> dropBefore(LocalDate firstKept) {
        List<String> dropped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            lock(statement);
            for (LocalDate day : existing(statement)) {
                if (day.isBefore(firstKept)) {
                    statement.execute("DROP TABLE query." + name(day));
                    known.remove(day);
                    dropped.add(name(day));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("dropping event partitions before " + firstKept, e);
        }
        if (!dropped.isEmpty()) {
            LOG.infof("dropped event partitions past retention: %s", dropped);
        }
        return dropped;
    }

    /** The days that have a partition now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<LocalDate> days() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return existing(statement);
        } catch (SQLException e) {
            throw new StoreException("listing event partitions", e);
        }
    }

    private static void lock(Statement statement) throws SQLException {
        statement.execute("SET LOCAL lock_timeout = '10s'");
        statement.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
    }

    private static Set<LocalDate> existing(Statement statement) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        try (ResultSet rs = statement.executeQuery("""
                SELECT c.relname FROM pg_inherits i
                  JOIN pg_class c ON c.oid = i.inhrelid
                  JOIN pg_class p ON p.oid = i.inhparent
                  JOIN pg_namespace n ON n.oid = p.relnamespace
                 WHERE n.nspname = 'query' AND p.relname = 'events'""")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.startsWith(PREFIX) && name.length() == PREFIX.length() + 8) {
                    days.add(LocalDate.parse(name.substring(PREFIX.length()), SUFFIX));
                }
            }
        }
        return days;
    }

    static String name(LocalDate day) {
        return PREFIX + SUFFIX.format(day);
    }

    static LocalDate dayOf(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
