package io.trailwatch.localstack.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.Category;
import io.trailwatch.contracts.ContractJson;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.FindingIds;
import io.trailwatch.contracts.OutlierDetails;
import io.trailwatch.contracts.Principal;
import io.trailwatch.contracts.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservedFindingTest {

    private static final ObjectMapper CONTRACT = ContractJson.newMapper();

    @Test
    void readsAPerRecordFindingAsTheContractWritesIt() throws Exception {
        Instant at = Instant.parse("2026-11-27T10:04:31Z");
        Finding finding = new Finding(FindingIds.forEvent("cis-root-account-usage", "e-1"), "cis-root-account-usage",
                "Root account usage", Severity.fromWire("high"), Category.ACCESS, null, "111122223333", "us-east-1", at,
                "e-1", "ConsoleLogin", "signin.amazonaws.com", new Principal("Root", null, null), "203.0.113.10",
                null, null, "root signed in", at, null, null);
        ObservedFinding observed = ObservedFinding.parse(CONTRACT.writeValueAsString(finding));
        assertThat(observed.ruleId()).isEqualTo("cis-root-account-usage");
        assertThat(observed.eventId()).isEqualTo("e-1");
        assertThat(observed.accountId()).isEqualTo("111122223333");
        assertThat(observed.eventTime()).isEqualTo(at);
        assertThat(observed.sliceStart()).isNull();
    }

    @Test
    void readsAnOutlierFindingsSlice() throws Exception {
        Instant slice = Instant.parse("2026-11-27T01:05:00Z");
        OutlierDetails details = new OutlierDetails("outlier-console-auth-failures", "111122223333", slice,
                slice.plusSeconds(300), 42, 0.1, 0.3, 1.0, -0.8, null, null, null);
        Finding finding = new Finding(FindingIds.forSlice("outlier-console-auth-failures", "111122223333", slice),
                "outlier-console-auth-failures", "Outlier", Severity.fromWire("medium"), Category.OUTLIER, null,
                "111122223333", null, slice, null, null, null, null, null, null, null, "spike", slice, null, details);
        ObservedFinding observed = ObservedFinding.parse(CONTRACT.writeValueAsString(finding));
        assertThat(observed.eventId()).isNull();
        assertThat(observed.sliceStart()).isEqualTo(slice);
        assertThat(observed.sliceEnd()).isEqualTo(slice.plusSeconds(300));
    }

    @Test
    void aMessageThatIsNotAFindingIsReported() {
        assertThatThrownBy(() -> ObservedFinding.parse("{oops")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ObservedFinding.parse("{\"ruleId\":\"r\"}")).hasMessageContaining("no findingId");
    }
}
