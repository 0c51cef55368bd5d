package io.trailwatch.localstack.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dashboard must show for {@code ui/dashboard-cloudtrail.json}: the findings of each panel per account
 * (A = {@link UiStack#ACCOUNT_A}, B = {@link UiStack#ACCOUNT_B}). The built-in CIS rules overlap as the benchmark
 * writes them: a failed console sign-in (MFAUsed "No") is also a console sign-in without MFA, and the root user's
 * sign-in without MFA counts in both panels too.
 *
 * <ul>
 *   <li>failed console sign-ins: A 21 (13 from 8.8.8.8, US, one or two per 5-minute slice for 50 minutes, then 8
 *   in one slice from 81.2.69.160, GB: an outlier), B 3 (193.0.6.139, NL)</li>
 *   <li>console sign-ins without MFA: A 3 successful + 21 failed = 24, B 2 successful + 3 failed + 1 root = 6</li>
 *   <li>root account usage: A a sign-in with MFA and an API call = 2, B a sign-in without MFA = 1 (root console
 *   sign-ins: 1 each)</li>
 *   <li>unauthorized API requests: A 2 (AccessDenied), B 1 (Client.UnauthorizedOperation)</li>
 *   <li>KMS: A DisableKey, B ScheduleKeyDeletion</li>
 *   <li>configuration changes, one each: A AWS Config, CloudTrail, route table, security group, S3 bucket policy;
 *   B IAM policy, network gateway, network ACL, VPC, AWS Organizations</li>
 *   <li>6 benign reads (DescribeInstances) after the spike, so every 5-minute slice closes</li>
 * </ul>
 */
public final class DashboardFixture {

    /** Panel id → {findings of account A, findings of account B}. */
    public static final Map<String, int[]> PANELS = new LinkedHashMap<>();

    static {
        PANELS.put("console-signin-without-mfa", new int[] {24, 6});
        PANELS.put("console-auth-failures", new int[] {21, 3});
        PANELS.put("root-account-usage", new int[] {2, 1});
        PANELS.put("unauthorized-api-calls", new int[] {2, 1});
        PANELS.put("cmk-disable-or-deletion", new int[] {1, 1});
        PANELS.put("aws-config-changes", new int[] {1, 0});
        PANELS.put("iam-policy-changes", new int[] {0, 1});
        PANELS.put("cloudtrail-config-changes", new int[] {1, 0});
        PANELS.put("network-gateway-changes", new int[] {0, 1});
        PANELS.put("route-table-changes", new int[] {1, 0});
        PANELS.put("nacl-changes", new int[] {0, 1});
        PANELS.put("security-group-changes", new int[] {1, 0});
        PANELS.put("vpc-changes", new int[] {0, 1});
        PANELS.put("s3-bucket-policy-changes", new int[] {1, 0});
        PANELS.put("organizations-changes", new int[] {0, 1});
    }

    /** Findings of the CIS rules in the fixture (both accounts). */
    public static final int CIS_FINDINGS = PANELS.values().stream().mapToInt(v -> v[0] + v[1]).sum();

    /** Failed console sign-ins by country (alpha-2). */
    public static final Map<String, Integer> FAILED_BY_COUNTRY = Map.of("US", 13, "GB", 8, "NL", 3);

    private DashboardFixture() {
    }

    public static int total(String panelId) {
        int[] counts = PANELS.get(panelId);
        return counts[0] + counts[1];
    }

    public static int total(String panelId, String account) {
        int[] counts = PANELS.get(panelId);
        return account.equals(UiStack.ACCOUNT_A) ? counts[0] : counts[1];
    }
}
