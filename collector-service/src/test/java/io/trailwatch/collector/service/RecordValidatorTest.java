package io.trailwatch.collector.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.contracts.RejectionReason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

    private final RecordValidator validator = new RecordValidator();

    @Test
    void picksTheKeyAndTypeOfARecordWithoutBuildingATree() {
        RecordValidator.Result result = validate("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\","
                + "\"sessionContext\":{\"accountId\":\"999999999999\"},\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventID\":\"a\",\"requestParameters\":{\"eventID\":\"x\"}}");
        assertThat(result.problem()).isNull();
        assertThat(result.record().eventID()).isEqualTo("a");
        assertThat(result.record().accountId()).as("acting account without recipientAccountId").isEqualTo("111122223333");
        assertThat(result.record().insight()).isFalse();

        RecordValidator.Result insight = validate("{\"eventTime\":\"2026-11-27T10:00:00Z\",\"eventID\":\"b\","
                + "\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\"444455556666\"}");
        assertThat(insight.record().insight()).isTrue();
        assertThat(insight.record().accountId()).isEqualTo("444455556666");
        assertThat(validate("{\"eventTime\":\"2026-11-27T10:00:00Z\",\"eventID\":\"c\"}").record().accountId())
                .isEqualTo("unknown");
    }

    @Test
    void acceptsCloudTrailTimesAndOtherIsoTimesAndRefusesTheRest() {
        assertThat(RecordValidator.isIsoTime("2026-11-27T10:04:31Z")).isTrue();
        assertThat(RecordValidator.isIsoTime("2028-02-29T23:59:59Z")).isTrue();
        assertThat(RecordValidator.isIsoTime("2026-11-27T10:04:31.123Z")).isTrue();
        assertThat(RecordValidator.isIsoTime("2026-11-27T10:04:31+01:00")).isTrue();
        assertThat(RecordValidator.isIsoTime("2026-02-29T10:04:31Z")).isFalse();
        assertThat(RecordValidator.isIsoTime("2026-13-27T10:04:31Z")).isFalse();
        assertThat(RecordValidator.isIsoTime("2026-11-27T24:04:31Z")).isFalse();
        assertThat(RecordValidator.isIsoTime("2026-11-27X10:04:31Z")).isFalse();
        assertThat(RecordValidator.isIsoTime("2O26-11-27T10:04:31Z")).isFalse();
        assertThat(RecordValidator.isIsoTime("yesterday")).isFalse();
    }

    @Test
    void namesWhatIsWrongWithARecord() {
        assertThat(validate("{\"eventID\":\"a\",\"eventTime\":\"2026-11-31T00:00:00Z\"}").problem())
                .isEqualTo(new RecordValidator.Problem(RejectionReason.BAD_RECORD,
                        "record a has an eventTime that is not an ISO-8601 time: 2026-11-31T00:00:00Z"));
        assertThat(validate("{\"eventID\":7,\"eventTime\":\"2026-11-27T00:00:00Z\"}").problem().reason())
                .isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(validate("{\"eventID\":\"a\",\"n\":[1,]}").problem())
                .isEqualTo(new RecordValidator.Problem(RejectionReason.NOT_JSON,
                        "record is not valid JSON: found ']', expected a JSON value at byte 22 of the record"));
        assertThat(validate("\"text\"").problem()).isEqualTo(new RecordValidator.Problem(RejectionReason.BAD_RECORD,
                "record is not a JSON object"));
    }

    /** Validates the record as the collector does: scanned while its file is split. */
    private RecordValidator.Result validate(String json) {
        List<RecordValidator.Result> results = new ArrayList<>();
        byte[] file = ("{\"Records\":[" + json + "]}").getBytes(StandardCharsets.UTF_8);
        new CloudTrailFileSplitter(new ByteArrayInputStream(file), 1 << 20, 10)
                .split((index, bytes, size, scanned) -> results.add(validator.validate(bytes, scanned)));
        assertThat(results).hasSize(1);
        return results.get(0);
    }
}
