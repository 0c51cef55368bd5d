package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.SeriesPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Stores outlier series points and rejected inputs, one statement per batch. */
@ApplicationScoped
public class SignalWriter {

    /** Upserts points and, in the same statement, raises the dashboard version of each hour they fall in. */
    private static final String UPSERT_POINTS = """
            WITH upserted AS (
                INSERT INTO query.series_points AS s (series_id, bucket_start, detector_id, group_key, bucket_seconds,
                    value, mean, stddev, upper, lower, outlier, violation)
                SELECT series_id, bucket_start::timestamptz, detector_id, group_key, bucket_seconds::integer,
                       value::bigint, mean::double precision, stddev::double precision, upper::double precision,
                       lower::double precision, outlier::boolean, violation::boolean
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(series_id, bucket_start, detector_id, group_key, bucket_seconds, value, mean, stddev, upper,
                         lower, outlier, violation)
                ON CONFLICT (series_id, bucket_start) DO UPDATE
                   SET detector_id = excluded.detector_id, group_key = excluded.group_key,
                       bucket_seconds = excluded.bucket_seconds, value = excluded.value, mean = excluded.mean,
                       stddev = excluded.stddev, upper = excluded.upper, lower = excluded.lower,
                       outlier = excluded.outlier, violation = excluded.violation
                RETURNING bucket_start
            ), touched AS (
                INSERT INTO query.dashboard_hours AS h (hour, version)
                SELECT DISTINCT date_bin('1 hour', bucket_start, timestamptz 'epoch'), 1 FROM upserted ORDER BY 1
                ON CONFLICT (hour) DO UPDATE SET version = h.version + 1
            )
            SELECT count(*) FROM upserted""";

    private static final String INSERT_REJECTIONS = """
            INSERT INTO query.rejections (rejection_id, source, reason, message, record_index, event_id, sample,
                rejected_by, rejected_at)
            SELECT rejection_id, source, reason, message, record_index::integer, event_id, sample, rejected_by,
                   rejected_at::timestamptz
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[])
                AS t(rejection_id, source, reason, message, record_index, event_id, sample, rejected_by, rejected_at)
            ON CONFLICT (rejection_id) DO NOTHING""";

    private final AgroalDataSource dataSource;

    public SignalWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores points; one per (seriesId, bucketStart), the latest replacing an earlier one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int upsertPoints(List<SeriesPoint> points) {
        String[][] columns = new String[12][points.size()];
        for (int i = 0; i < points.size(); i++) {
            SeriesPoint p = points.get(i);
            Object[] values = {p.seriesId(), p.bucketStart(), p.detectorId(), p.group(), p.bucketSeconds(),
                    p.value(), p.mean(), p.stddev(), p.upper(), p.lower(), p.outlier(), p.violation()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c] == null ? null : values[c].toString();
            }
        }
        return execute(UPSERT_POINTS, columns, "series points");
    }

    /** Stores rejections not stored yet; {@code rejections} maps each rejection's id to it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int insertRejections(Map<String, Rejection> rejections) {
        String[][] columns = new String[9][rejections.size()];
        int i = 0;
        for (Map.Entry<String, Rejection> entry : rejections.entrySet()) {
            Rejection r = entry.getValue();
            Object[] values = {entry.getKey(), r.source(), r.reason().code(), r.message(), r.recordIndex(),
                    r.eventID(), r.sample(), r.rejectedBy(), r.rejectedAt()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c] == null ? null : values[c].toString();
            }
            i++;
        }
        return execute(INSERT_REJECTIONS, columns, "rejections");
    }

    /** Deletes the points of slices before {@code oldest}, raising their hours' dashboard versions. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deletePointsBefore(java.time.Instant oldest) {
        return delete("""
                WITH deleted AS (DELETE FROM query.series_points WHERE bucket_start < ? RETURNING bucket_start),
                touched AS (UPDATE query.dashboard_hours SET version = version + 1
                             WHERE hour IN (SELECT date_bin('1 hour', bucket_start, timestamptz 'epoch')
                                              FROM deleted))
                SELECT count(*) FROM deleted""", oldest);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteRejectionsBefore(java.time.Instant oldest) {
        return delete("DELETE FROM query.rejections WHERE rejected_at < ?", oldest);
    }

    private int delete(String sql, java.time.Instant oldest) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            SqlQuery.bind(connection, statement, 1, oldest);
            return rowCount(statement);
        } catch (SQLException e) {
            throw new StoreException("deleting data before " + oldest, e);
        }
    }

    private int execute(String sql, String[][] columns, String what) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            return rowCount(statement);
        } catch (SQLException e) {
            throw new StoreException("storing " + columns[0].length + " " + what, e);
        }
    }

    /** The rows a statement changed: its update count, or the count it selects (a statement with a RETURNING CTE). */
    private static int rowCount(PreparedStatement statement) throws SQLException {
        if (!statement.execute()) {
            return statement.getUpdateCount();
        }
        try (ResultSet counted = statement.getResultSet()) {
            counted.next();
            return counted.getInt(1);
        }
    }
}
