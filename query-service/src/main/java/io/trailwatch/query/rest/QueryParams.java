package io.trailwatch.query.rest;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.repository.Cursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of the query parameters every list endpoint shares, with errors that name the parameter. */
final class QueryParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private QueryParams() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 UTC time such as 2026-11-27T10:00:00Z, got '"
                    + value + "'");
        }
    }

    static Cursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Cursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }
}
