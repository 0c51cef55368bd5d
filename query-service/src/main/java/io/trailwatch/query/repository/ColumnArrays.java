package io.trailwatch.query.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a batch of rows as one text array per column (parameters 1..n), for the writers' {@code unnest} inserts:
 * one statement and one round trip per batch, whatever its size.
 */
final class ColumnArrays {

    private ColumnArrays() {
    }

    static <R> void bind(Connection connection, PreparedStatement statement, List<Function<R, Object>> columns,
            List<R> rows) throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            Function<R, Object> column = columns.get(c);
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                Object value = column.apply(rows.get(r));
                values[r] = value == null ? null : value.toString();
            }
            statement.setArray(c + 1, connection.createArrayOf("text", values));
        }
    }
}
