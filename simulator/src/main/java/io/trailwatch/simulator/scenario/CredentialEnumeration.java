package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.org.PrincipalKind;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.traffic.Calls;
import io.trailwatch.simulator.traffic.Denials;

import java.time.Duration;
import java.util.List;

import static io.trailwatch.simulator.truth.CisRule.UNAUTHORIZED_API_CALLS;

/**
 * A leaked access key is tried against many services from abroad: a burst of denied calls (AccessDenied,
 * AccessDeniedException, Client.UnauthorizedOperation) with the few allowed ones in between.
 */
final class CredentialEnumeration extends BaseScenario {

    /** An API probed during enumeration, and whether the leaked key's policy allows it. */
    private record Probe(String source, String name, boolean global, boolean allowed) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe(Calls.IAM, "ListUsers", true, false),
            new Probe(Calls.IAM, "ListRoles", true, false),
            new Probe(Calls.IAM, "GetAccountAuthorizationDetails", true, false),
            new Probe(Calls.IAM, "ListAccessKeys", true, false),
            new Probe(Calls.EC2, "DescribeInstances", false, false),
            new Probe(Calls.EC2, "DescribeRegions", false, true),
            new Probe(Calls.EC2, "DescribeSnapshots", false, false),
            new Probe(Calls.S3, "ListBuckets", false, true),
            new Probe("lambda.amazonaws.com", "ListFunctions20150331", false, false),
            new Probe("secretsmanager.amazonaws.com", "ListSecrets", false, false),
            new Probe(Calls.KMS, "ListKeys", false, false),
            new Probe("dynamodb.amazonaws.com", "ListTables", false, false),
            new Probe("rds.amazonaws.com", "DescribeDBInstances", false, false),
            new Probe(Calls.ORGANIZATIONS, "DescribeOrganization", true, false),
            new Probe("guardduty.amazonaws.com", "ListDetectors", false, false),
            new Probe("sns.amazonaws.com", "ListTopics", false, false),
            new Probe("logs.amazonaws.com", "DescribeLogGroups", false, false),
            new Probe("ecs.amazonaws.com", "ListClusters", false, false));

    CredentialEnumeration() {
        super("credential-enumeration", "A leaked access key is tried against many services from abroad: bursts "
                + "of AccessDenied and UnauthorizedOperation.", Duration.ofMinutes(4), UNAUTHORIZED_API_CALLS.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        List<Principal> users = ctx.org().principals(PrincipalKind.IAM_USER);
        List<Principal> keyed = users.stream().filter(u -> !u.consoleAccess()).toList();
        Principal victim = (keyed.isEmpty() ? users : keyed).get(ctx.rng().nextInt((keyed.isEmpty() ? users : keyed)
                .size()));
        Account account = victim.home();
        String tool = UserAgents.attackTool(ctx.rng());
        List<String> regions = ctx.org().regions();
        long t = ctx.start();
        CloudTrailEvent whoami = ctx.event(t, account, OrganisationConfig.GLOBAL_REGION,
                ctx.ids().iamUserWithKey(victim), ctx.attackerIp(), tool);
        Calls.GET_CALLER_IDENTITY.fill(whoami, ctx.call(account, OrganisationConfig.GLOBAL_REGION, t));
        ctx.add(whoami);
        int calls = 60 + ctx.rng().nextInt(61);
        long spread = 120 + ctx.rng().nextInt(61);
        int denied = 0;
        for (int i = 0; i < calls; i++) {
            Probe probe = PROBES.get(ctx.rng().nextInt(PROBES.size()));
            String region = probe.global() ? OrganisationConfig.GLOBAL_REGION
                    : regions.get(ctx.rng().nextInt(regions.size()));
            long at = ctx.start() + 2 + spread * i / calls;
            CloudTrailEvent e = ctx.event(at, account, region, ctx.ids().iamUserWithKey(victim), ctx.attackerIp(),
                    tool);
            e.api(probe.source(), probe.name(), true).requestParameters(null);
            if (!probe.allowed()) {
                Denials.deny(e);
                denied++;
            }
            ctx.add(e);
        }
        ctx.summary(calls + " API calls (" + denied + " denied) with the access key of " + victim.name() + " in "
                + account.id() + " from " + ctx.attackerCountry() + " (" + ctx.attackerIp() + ")");
    }
}
