package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs a query with a server-side cursor (autocommit off, a fetch size) so a large result streams to the client in
 * chunks instead of being held in memory. Used by the CSV exports, which run after the resource method returned and
 * so outside any managed transaction.
 */
final class Streaming {

    private static final int FETCH_SIZE = 1000;

    private Streaming() {
    }

    interface Prepare {
        PreparedStatement prepare(Connection connection) throws SQLException;
    }

    interface Each {
        void row(ResultSet rs) throws SQLException, IOException;
    }

    static void run(AgroalDataSource dataSource, Duration timeout, Prepare prepare, Each each) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                connection.setReadOnly(true);
                SearchSettings.apply(connection, timeout);
                try (PreparedStatement statement = prepare.prepare(connection)) {
                    statement.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            each.row(rs);
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("exporting", e);
        }
    }
}
