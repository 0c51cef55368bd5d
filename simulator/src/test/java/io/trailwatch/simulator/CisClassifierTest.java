package io.trailwatch.simulator;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Identity;
import io.trailwatch.simulator.event.Json;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.AccountRole;
import io.trailwatch.simulator.truth.CisClassifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CisClassifierTest {

    private static final Account ACCOUNT = new Account(1, "111122223333", "prod-web", "corp-prod-web",
            AccountRole.PRODUCTION);

    private static CloudTrailEvent event(String source, String name) {
        return new CloudTrailEvent().account(ACCOUNT).region("eu-west-1").api(source, name, false)
                .identity(Identity.builder("IAMUser").arn("arn:aws:iam::111122223333:user/alice").build())
                .sourceIp("84.130.1.2");
    }

    @Test
    void unauthorizedFollowsOperatorPrecedenceOfTheV6Pattern() {
        assertThat(CisClassifier.matches(event("ec2.amazonaws.com", "DescribeInstances")
                .error("Client.UnauthorizedOperation", "no"))).containsExactly("cis-unauthorized-api-calls");
        assertThat(CisClassifier.matches(event("kms.amazonaws.com", "Decrypt")
                .error("AccessDeniedException", "no"))).containsExactly("cis-unauthorized-api-calls");
        assertThat(CisClassifier.matches(event("s3.amazonaws.com", "HeadBucket").error("AccessDenied", "no")))
                .isEmpty();
        assertThat(CisClassifier.matches(event("s3.amazonaws.com", "GetBucketAcl").error("AccessDenied", "no")
                .sourceIp("delivery.logs.amazonaws.com"))).isEmpty();
        assertThat(CisClassifier.matches(event("iam.amazonaws.com", "GetRole")
                .error("NoSuchEntityException", "no"))).isEmpty();
    }

    @Test
    void consoleSignInWithoutMfaNeedsTheFieldToExist() {
        CloudTrailEvent noMfa = event("signin.amazonaws.com", "ConsoleLogin")
                .additionalEventData(Json.obj("MFAUsed", "No"));
        CloudTrailEvent mfa = event("signin.amazonaws.com", "ConsoleLogin")
                .additionalEventData(Json.obj("MFAUsed", "Yes"));
        CloudTrailEvent missing = event("signin.amazonaws.com", "ConsoleLogin").additionalEventData(Json.obj());
        assertThat(CisClassifier.matches(noMfa)).containsExactly("cis-console-signin-without-mfa");
        assertThat(CisClassifier.matches(mfa)).isEmpty();
        assertThat(CisClassifier.matches(missing)).isEmpty();
        assertThat(CisClassifier.matches(noMfa.errorMessageOnly("Failed authentication")))
                .containsExactly("cis-console-signin-without-mfa", "cis-console-auth-failures");
    }

    @Test
    void rootUsageExcludesServiceInvokedCallsAndServiceEvents() {
        Identity root = Identity.builder("Root").arn("arn:aws:iam::111122223333:root").build();
        Identity rootByService = Identity.builder("Root").invokedBy("support.amazonaws.com").build();
        assertThat(CisClassifier.matches(event("iam.amazonaws.com", "ListUsers").identity(root)))
                .containsExactly("cis-root-account-usage");
        assertThat(CisClassifier.matches(event("iam.amazonaws.com", "ListUsers").identity(rootByService))).isEmpty();
        assertThat(CisClassifier.matches(event("kms.amazonaws.com", "RotateKey").identity(root)
                .eventType(CloudTrailEvent.SERVICE_EVENT))).isEmpty();
    }

    @Test
    void nameOnlyPatternsIgnoreTheServiceAndSourceBoundOnesCheckIt() {
        assertThat(CisClassifier.matches(event("organizations.amazonaws.com", "CreatePolicy")))
                .containsExactly("cis-iam-policy-changes", "cis-organizations-changes");
        assertThat(CisClassifier.matches(event("ec2.amazonaws.com", "ModifySecurityGroupRules")))
                .containsExactly("cis-security-group-changes");
        assertThat(CisClassifier.matches(event("s3.amazonaws.com", "PutBucketLifecycle")))
                .containsExactly("cis-s3-bucket-policy-changes");
        assertThat(CisClassifier.matches(event("s3.amazonaws.com", "DeleteBucketPublicAccessBlock"))).isEmpty();
        assertThat(CisClassifier.matches(event("kms.amazonaws.com", "ScheduleKeyDeletion")))
                .containsExactly("cis-cmk-disable-or-deletion");
        assertThat(CisClassifier.matches(event("config.amazonaws.com", "StopConfigurationRecorder")))
                .containsExactly("cis-aws-config-changes");
        assertThat(CisClassifier.matches(event("ec2.amazonaws.com", "DescribeSecurityGroups"))).isEmpty();
    }
}
