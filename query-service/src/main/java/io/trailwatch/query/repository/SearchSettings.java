package io.trailwatch.query.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Settings of the current transaction for the queries that users' filters shape: searches, exports, dashboards. */
final class SearchSettings {

    private SearchSettings() {
    }

    /**
     * A statement timeout, and a plan made for each statement's own values: the same statement text serves a filter
     * matching a handful of rows and one matching millions, and the plan PostgreSQL would otherwise cache after five
     * executions (one for unknown values) read most of a week's events for a rare address block (seconds instead of
     * tens of milliseconds at 20 million events).
     */
    static void apply(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }
}
