package io.trailwatch.query.service;

import static io.trailwatch.query.TestSupport.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.contracts.RejectionReason;
import io.trailwatch.contracts.SeriesPoint;
import io.trailwatch.infra.testing.KafkaTestResource;
import io.trailwatch.infra.testing.PostgresTestResource;
import io.trailwatch.query.FakeBackends;
import io.trailwatch.query.TestSupport;
import io.trailwatch.query.repository.EventPartitions;
import io.trailwatch.query.repository.EventRow;
import io.trailwatch.query.repository.EventWriter;
import io.trailwatch.query.repository.SignalWriter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBackends.class, scope = TestResourceScope.GLOBAL)
class RetentionTest {

    @Inject
    EventPartitions partitions;
    @Inject
    EventWriter events;
    @Inject
    SignalWriter signals;
    @Inject
    MaintenanceService maintenance;

    @Test
    void dropsTheDayPartitionsPastRetentionAndKeepsTheRest() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expired = today.minusDays(40);
        LocalDate kept = today.minusDays(29);
        partitions.ensure(List.of(expired, kept));
        String old = TestSupport.id();
        String recent = TestSupport.id();
        String account = TestSupport.uniqueAccount();
        events.insertNew(List.of(row(old, account, expired.atTime(12, 0).toInstant(ZoneOffset.UTC)),
                row(recent, account, kept.atTime(12, 0).toInstant(ZoneOffset.UTC))), Map.of());
        Instant longAgo = expired.atStartOfDay(ZoneOffset.UTC).toInstant();
        signals.insertRejections(Map.of("old-" + old, new Rejection("s3://old/" + old, RejectionReason.BAD_GZIP,
                "corrupt", null, null, null, "collector-service", longAgo)));
        signals.upsertPoints(List.of(new SeriesPoint("old|" + old, "old", old, longAgo, 900, 1, null, null, null,
                null, false, false)));
        viewer().get("/api/v1/events/" + old).then().statusCode(200);

        MaintenanceService.Result result = maintenance.run(Instant.now());

        assertThat(result.droppedPartitions()).contains("events_p" + expired.toString().replace("-", ""));
        assertThat(result.deletedRejections()).isGreaterThanOrEqualTo(1);
        assertThat(result.deletedSeriesPoints()).isGreaterThanOrEqualTo(1);
        assertThat(partitions.days()).doesNotContain(expired)
                .contains(kept, today, today.plusDays(1), today.plusDays(2))
                .allMatch(day -> !day.isBefore(today.minusDays(30)));
        viewer().get("/api/v1/events/" + old).then().statusCode(404);
        viewer().get("/api/v1/events/" + recent).then().statusCode(200);
        viewer().queryParam("source", "s3://old/" + old).get("/api/v1/rejections").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));

        assertThat(maintenance.run(Instant.now()).droppedPartitions()).isEmpty();
    }

    private static EventRow row(String id, String account, Instant time) {
        return new EventRow(id, time, account, "us-east-1", "s3.amazonaws.com", "GetObject", "AwsApiCall",
                "IAMUser", "arn:aws:iam::" + account + ":user/alice", "alice", account, null, "203.0.113.9",
                "203.0.113.9", "aws-cli", null, null, true, null, null,
                TestSupport.event(id, account, "GetObject", time).toString());
    }
}
