package io.trailwatch.query.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The accounts and regions events came from, with the first and last eventTime seen. */
@ApplicationScoped
public class AccountRepository {

    public record AccountRegion(String accountId, String region, Instant firstEventTime, Instant lastEventTime) {
    }

    private final AgroalDataSource dataSource;

    public AccountRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The regions of up to {@code limit} accounts after {@code afterAccount}, by account id. */
    @Transactional
    public List<AccountRegion> page(String afterAccount, int limit) {
        String sql = """
                SELECT account_id, region, first_event_time, last_event_time FROM query.account_regions
                 WHERE account_id IN (SELECT DISTINCT account_id FROM query.account_regions
                                       WHERE ?::text IS NULL OR account_id > ?
                                       ORDER BY account_id LIMIT ?)
                 ORDER BY account_id, region""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, afterAccount);
            statement.setString(2, afterAccount);
            statement.setInt(3, limit);
            List<AccountRegion> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AccountRegion(rs.getString(1), rs.getString(2), SqlQuery.instant(rs, "first_event_time"),
                            SqlQuery.instant(rs, "last_event_time")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("listing accounts", e);
        }
    }
}
