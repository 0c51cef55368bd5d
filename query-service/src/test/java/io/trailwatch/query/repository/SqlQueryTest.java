package io.trailwatch.query.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlQueryTest {

    @Test
    void turnsStarWildcardsIntoLikePatternsAndEscapesTheRest() {
        assertThat(SqlQuery.likePattern("AccessDenied*")).isEqualTo("AccessDenied%");
        assertThat(SqlQuery.likePattern("*Unauthorized")).isEqualTo("%Unauthorized");
        assertThat(SqlQuery.likePattern("*mid*")).isEqualTo("%mid%");
        assertThat(SqlQuery.likePattern("100%_x*")).isEqualTo("100\\%\\_x%");
        assertThat(SqlQuery.escapeLike("a\\b")).isEqualTo("a\\\\b");
    }

    @Test
    void combinesExactValuesAndWildcardsInOneClause() {
        SqlQuery q = new SqlQuery().matchesAny("c", List.of("a", "b", "x*", "*"));
        assertThat(q.where()).isEqualTo(" WHERE (c = ANY(?) OR c LIKE ? OR c IS NOT NULL)");
        assertThat(q.values()).hasSize(2);
        assertThat(new SqlQuery().matchesAny("c", List.of("a")).where()).isEqualTo(" WHERE c = ?");
        assertThat(new SqlQuery().matchesAny("c", List.of()).where()).isEmpty();
    }

    @Test
    void pagesAfterACursorInNewestFirstOrder() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-27T10:00:00.123Z"), "id-1");
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        SqlQuery after = new SqlQuery().after("t", "i", cursor);
        assertThat(after.where()).isEqualTo(" WHERE t <= ? AND (t, i) < (?, ?)");
        assertThat(after.values()).containsExactly(cursor.time(), cursor.time(), cursor.id());
        assertThatThrownBy(() -> Cursor.decode("bogus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a cursor");
    }
}
