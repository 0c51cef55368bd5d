package io.trailwatch.query.repository;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of a filtered, time-ordered, keyset-paginated query: newest first, ties broken by id,
 * and a cursor that points after the last row of the previous page.
 */
final class PageQuery {

    private final String timeField;
    private final String idField;
    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    PageQuery(String timeField, String idField) {
        this.timeField = timeField;
        this.idField = idField;
    }

    PageQuery equal(String field, String value) {
        if (value != null && !value.isBlank()) {
            String name = "p" + clauses.size();
            clauses.add(field + " = :" + name);
            parameters.and(name, value);
        }
        return this;
    }

    PageQuery range(Instant from, Instant to) {
        if (from != null) {
            clauses.add(timeField + " >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            clauses.add(timeField + " < :to");
            parameters.and("to", to);
        }
        return this;
    }

    PageQuery after(Cursor cursor) {
        if (cursor != null) {
            clauses.add("(" + timeField + " < :cursorTime or (" + timeField + " = :cursorTime and " + idField
                    + " < :cursorId))");
            parameters.and("cursorTime", cursor.time()).and("cursorId", cursor.id());
        }
        return this;
    }

    String where() {
        String where = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        return where + " order by " + timeField + " desc, " + idField + " desc";
    }

    Parameters parameters() {
        return parameters;
    }
}
