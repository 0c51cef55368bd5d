package io.trailwatch.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.simulator.delivery.LogFile;
import io.trailwatch.simulator.event.TimeText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LogLayoutTest {

    private static final Pattern KEY = Pattern.compile("AWSLogs/(o-[a-z0-9]{10})/(\\d{12})/CloudTrail/([a-z]{2}-[a-z]+-\\d)/"
            + "(\\d{4})/(\\d{2})/(\\d{2})/(\\d{12})_CloudTrail_([a-z]{2}-[a-z]+-\\d)_(\\d{8}T\\d{4}Z)_([A-Za-z0-9]{16})"
            + "\\.json\\.gz");
    private static final Set<String> GLOBAL_SOURCES = Set.of("iam.amazonaws.com", "signin.amazonaws.com",
            "organizations.amazonaws.com");

    @Test
    void keysFollowTheOrganisationTrailLayoutAndNamesCarryTheDeliveryTime() {
        Generated run = Generated.standardRun();
        Set<String> orgIds = new java.util.HashSet<>();
        for (LogFile f : run.files) {
            Matcher m = KEY.matcher(f.key());
            assertThat(m.matches()).as(f.key()).isTrue();
            orgIds.add(m.group(1));
            assertThat(m.group(2)).isEqualTo(f.accountId()).isEqualTo(m.group(7));
            assertThat(m.group(3)).isEqualTo(f.region()).isEqualTo(m.group(8));
            assertThat(m.group(4) + "/" + m.group(5) + "/" + m.group(6)).isEqualTo(TimeText.datePath(f.deliveryTime()));
            assertThat(m.group(9)).isEqualTo(TimeText.fileStamp(f.deliveryTime()));
            assertThat(f.fileName()).endsWith(".json.gz");
        }
        assertThat(orgIds).hasSize(1);
        assertThat(run.files.stream().map(LogFile::key).distinct().count()).isEqualTo(run.files.size());
    }

    @Test
    void eachAccountAndRegionDeliversAboutEveryFiveMinutes() {
        Generated run = Generated.standardRun();
        Map<String, List<Long>> byStream = new HashMap<>();
        for (LogFile f : run.files) {
            byStream.computeIfAbsent(f.accountId() + "/" + f.region(), k -> new ArrayList<>()).add(f.deliveryTime());
        }
        assertThat(byStream).hasSize(12 * 4);
        List<Long> gaps = new ArrayList<>();
        for (List<Long> times : byStream.values()) {
            Collections.sort(times);
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i) - times.get(i - 1);
                assertThat(gap % 300).as("gaps are whole delivery intervals give or take jitter")
                        .satisfiesAnyOf(r -> assertThat(r).isLessThanOrEqualTo(40), r -> assertThat(r)
                                .isGreaterThanOrEqualTo(260));
                gaps.add(gap);
            }
        }
        Collections.sort(gaps);
        assertThat(gaps.get(gaps.size() / 2)).isBetween(260L, 340L);
    }

    @Test
    void recordsMatchTheirFileAndGlobalEventsGoToUsEast1() {
        Generated run = Generated.standardRun();
        int signIns = 0;
        for (LogFile f : run.files) {
            for (JsonNode r : Generated.records(f)) {
                assertThat(r.get("recipientAccountId").asText()).isEqualTo(f.accountId());
                assertThat(r.get("awsRegion").asText()).isEqualTo(f.region());
                if (GLOBAL_SOURCES.contains(r.get("eventSource").asText())) {
                    assertThat(f.region()).as(r.get("eventName").asText()).isEqualTo("us-east-1");
                }
                if (r.get("eventName").asText().equals("ConsoleLogin")) {
                    signIns++;
                }
            }
        }
        assertThat(signIns).isGreaterThan(50);
    }
}
