package io.trailwatch.query.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.query.repository.EventRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMapperTest {

    private static final ObjectMapper MAPPER = ContractJson.newMapper();

    @Test
    void takesTheRoleNameOfAnAssumedRoleSessionAndTheServiceOfAnAwsServiceCall() throws Exception {
        EventRow role = EventMapper.toRow(MAPPER, """
                {"eventID":"1","eventTime":"2026-11-27T10:00:00Z","recipientAccountId":"111122223333",
                 "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/ci/build",
                  "accountId":"111122223333","accessKeyId":"ASIA1",
                  "sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::111122223333:role/ci","userName":"ci"}}},
                 "sourceIPAddress":"198.51.100.1","readOnly":"true",
                 "responseElements":{"ConsoleLogin":"Failure"},"additionalEventData":{"MFAUsed":"No"}}""");
        assertThat(role.principalArn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/ci/build");
        assertThat(role.principalName()).isEqualTo("ci");
        assertThat(role.accessKeyId()).isEqualTo("ASIA1");
        assertThat(role.sourceInet()).isEqualTo("198.51.100.1");
        assertThat(role.readOnly()).isTrue();
        assertThat(role.consoleLogin()).isEqualTo("Failure");
        assertThat(role.mfaUsed()).isEqualTo("No");

        EventRow service = EventMapper.toRow(MAPPER, """
                {"eventID":"2","eventTime":"2026-11-27T10:00:00+02:00","userIdentity":{"type":"AWSService",
                 "invokedBy":"config.amazonaws.com"},"sourceIPAddress":"config.amazonaws.com"}""");
        assertThat(service.principalName()).isEqualTo("config.amazonaws.com");
        assertThat(service.accountId()).isEqualTo("unknown");
        assertThat(service.sourceInet()).isNull();
        assertThat(service.eventTime().toString()).isEqualTo("2026-11-27T08:00:00Z");
    }

    @Test
    void refusesRecordsWithoutIdOrTime() {
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, "{\"eventTime\":\"2026-11-27T10:00:00Z\"}"))
                .hasMessageContaining("eventID");
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, "{\"eventID\":\"1\",\"eventTime\":\"noon\"}"))
                .hasMessageContaining("eventTime");
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, "[1,2]")).hasMessageContaining("object");
    }

    @Test
    void refusesWhatIsNotOneWellFormedJsonObject() {
        String record = "{\"eventID\":\"1\",\"eventTime\":\"2026-11-27T10:00:00Z\"}";
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, record + "{}"))
                .hasMessageContaining("content follows the record's closing brace");
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, record.substring(0, 30)))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, "{\"eventID\":\"1\",\"userIdentity\":{\"type\":}}"))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> EventMapper.toRow(MAPPER, "\"text\"")).hasMessageContaining("object");
    }

    @Test
    void readsTheLastOfRepeatedKeysAndIgnoresValuesOfTheWrongShape() throws Exception {
        EventRow row = EventMapper.toRow(MAPPER, """
                {"eventID":"0","eventID":"7","eventTime":"2026-11-27T10:00:00Z","awsRegion":["eu-west-1"],
                 "userIdentity":{"type":"IAMUser","userName":"alice","arn":"arn:aws:iam::1:user/alice"},
                 "userIdentity":{"type":"AssumedRole","sessionContext":{"sessionIssuer":"none"},
                                 "accountId":111122223333},
                 "readOnly":false,"responseElements":"ConsoleLogin","additionalEventData":null,
                 "requestParameters":{"userIdentity":{"type":"Root"},"eventID":"9"}}""");
        assertThat(row.eventId()).isEqualTo("7");
        assertThat(row.region()).isNull();
        assertThat(row.principalType()).isEqualTo("AssumedRole");
        assertThat(row.principalName()).isNull();
        assertThat(row.principalArn()).isNull();
        assertThat(row.principalAccountId()).isEqualTo("111122223333");
        assertThat(row.accountId()).isEqualTo("111122223333");
        assertThat(row.readOnly()).isFalse();
        assertThat(row.consoleLogin()).isNull();
        assertThat(row.mfaUsed()).isNull();
    }

    @Test
    void readsCloudTrailTimesAsTheIsoParserDoes() {
        for (String time : List.of("2026-11-27T10:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
                "2026-12-31T00:00:01Z", "2026-11-27T10:00:00.250Z", "2026-11-27T10:00:00+05:30")) {
            assertThat(EventMapper.time(time)).as(time).isEqualTo(OffsetDateTime.parse(time).toInstant());
        }
        for (String time : List.of("2026-02-29T10:00:00Z", "2026-11-31T10:00:00Z", "2026-11-27T24:00:00Z",
                "2026-11-27T10:60:00Z", "2026-1a-27T10:00:00Z", "2026-11-27 10:00:00Z")) {
            assertThatThrownBy(() -> EventMapper.time(time)).as(time).hasMessageContaining("is not an ISO-8601");
        }
    }
}
