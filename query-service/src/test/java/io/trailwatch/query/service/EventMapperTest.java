package io.trailwatch.query.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.query.repository.EventRow;
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
}
