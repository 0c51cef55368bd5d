package io.trailwatch.query.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A WHERE clause built from optional filters, with its bind values in order. Values are always bound, never
 * concatenated: every filter value comes from an API caller.
 */
final class SqlQuery {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds a clause with {@code ?} placeholders and their values. */
    SqlQuery and(String clause, Object... clauseValues) {
        clauses.add(clause);
        values.addAll(List.of(clauseValues));
        return this;
    }

    /** {@code column = ANY(?)} when there are values; nothing otherwise. */
    SqlQuery anyOf(String column, Collection<String> options) {
        if (options != null && !options.isEmpty()) {
            and(column + " = ANY(?)", (Object) options.toArray(String[]::new));
        }
        return this;
    }

    /**
     * {@code column} matches one of the values; a value may start and/or end with {@code *} (any characters), and
     * {@code *} alone means "has a value". Exact values use the column's index.
     */
    SqlQuery matchesAny(String column, Collection<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return this;
        }
        List<String> exact = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        List<Object> likeValues = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.equals("*")) {
                alternatives.add(column + " IS NOT NULL");
            } else if (pattern.startsWith("*") || pattern.endsWith("*")) {
                alternatives.add(column + " LIKE ?");
                likeValues.add(likePattern(pattern));
            } else {
                exact.add(pattern);
            }
        }
        List<Object> clauseValues = new ArrayList<>();
        if (!exact.isEmpty()) {
            alternatives.add(0, exact.size() == 1 ? column + " = ?" : column + " = ANY(?)");
            clauseValues.add(exact.size() == 1 ? exact.get(0) : exact.toArray(String[]::new));
        }
        clauseValues.addAll(likeValues);
        String clause = alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
        return and(clause, clauseValues.toArray());
    }

    /** A LIKE pattern for a value with {@code *} wildcards at its ends; other characters match literally. */
    static String likePattern(String pattern) {
        boolean leading = pattern.startsWith("*");
        boolean trailing = pattern.endsWith("*") && pattern.length() > 1;
        String core = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
        return (leading ? "%" : "") + escapeLike(core) + (trailing ? "%" : "");
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    SqlQuery from(String column, Instant from) {
        return from == null ? this : and(column + " >= ?", from);
    }

    SqlQuery to(String column, Instant to) {
        return to == null ? this : and(column + " < ?", to);
    }

    /**
     * Keyset pagination, newest first: rows strictly after the cursor in (time desc, id desc) order. The plain
     * bound on the time lets any index that holds the time start at the cursor.
     */
    SqlQuery after(String timeColumn, String idColumn, Cursor cursor) {
        return cursor == null ? this
                : and(timeColumn + " <= ? AND (" + timeColumn + ", " + idColumn + ") < (?, ?)", cursor.time(),
                        cursor.time(), cursor.id());
    }

    List<Object> values() {
        return new ArrayList<>(values);
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Prepares {@code sql} (which must contain this query's clauses in order, then {@code extra}) and binds. */
    PreparedStatement prepare(Connection connection, String sql, Object... extra) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        for (Object value : values) {
            bind(connection, statement, index++, value);
        }
        for (Object value : extra) {
            bind(connection, statement, index++, value);
        }
        return statement;
    }

    /** Binds this query's values from parameter {@code first} on; returns the next free parameter index. */
    int bindFrom(Connection connection, PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            bind(connection, statement, index++, value);
        }
        return index;
    }

    static void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] array) {
            statement.setArray(index, connection.createArrayOf("text", array));
        } else if (value instanceof Long[] array) {
            statement.setArray(index, connection.createArrayOf("bigint", array));
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            statement.setString(index, (String) value);
        }
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Boolean bool(java.sql.ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static Double dbl(java.sql.ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
