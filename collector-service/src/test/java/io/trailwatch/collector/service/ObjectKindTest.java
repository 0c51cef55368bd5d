package io.trailwatch.collector.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKindTest {

    @Test
    void recognisesCloudTrailFilesInBothLayoutsAndWithATrailPrefix() {
        assertThat(ObjectKind.of("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/f.json.gz"))
                .isEqualTo(ObjectKind.CLOUDTRAIL);
        assertThat(ObjectKind.of("AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/2026/11/27/f.json.gz"))
                .isEqualTo(ObjectKind.CLOUDTRAIL);
        assertThat(ObjectKind.of("org-trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/27/f.json.gz"))
                .isEqualTo(ObjectKind.CLOUDTRAIL);
    }

    @Test
    void recognisesDigestsInsightsAndOtherServicesLogs() {
        assertThat(ObjectKind.of("AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail-Digest/us-east-1/2026/11/27/"
                + "111122223333_CloudTrail-Digest_us-east-1_org_us-east-1_20261127T100000Z.json.gz"))
                .isEqualTo(ObjectKind.DIGEST);
        assertThat(ObjectKind.of("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/11/27/f.json.gz"))
                .isEqualTo(ObjectKind.INSIGHT);
        assertThat(ObjectKind.of("AWSLogs/111122223333/Config/us-east-1/2026/11/27/ConfigHistory/f.json.gz"))
                .isEqualTo(ObjectKind.OTHER_SERVICE);
        assertThat(ObjectKind.DIGEST.tag()).isEqualTo("digest");
        assertThat(ObjectKind.OTHER_SERVICE.tag()).isEqualTo("other-service");
    }

    @Test
    void readsKeysOutsideTheAwsLayoutAsLogFiles() {
        assertThat(ObjectKind.of("uploads/backfill-2026-11-27.json.gz")).isEqualTo(ObjectKind.CLOUDTRAIL);
    }
}
