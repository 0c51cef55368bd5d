package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.AccountRole;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.truth.CisRule.ORGANIZATIONS_CHANGES;

/** A member account leaves the organisation, escaping its SCPs and the organisation trail. */
final class LeaveOrganization extends BaseScenario {

    LeaveOrganization() {
        super("account-leaves-organization", "A member account leaves the organisation.", Duration.ofMinutes(1),
                ORGANIZATIONS_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.account(a -> a.role() == AccountRole.SANDBOX || a.role() == AccountRole.DEVELOPMENT);
        String region = OrganisationConfig.GLOBAL_REGION;
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();
        CloudTrailEvent describe = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(),
                tool);
        Calls.DESCRIBE_ORGANIZATION.fill(describe, ctx.call(account, region, t));
        ctx.add(describe);

        t += 10 + ctx.rng().nextInt(30);
        CloudTrailEvent leave = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        leave.api(Calls.ORGANIZATIONS, "LeaveOrganization", false).requestParameters(null).responseElements(null);
        ctx.add(leave);
        ctx.summary("account " + account.id() + " (" + account.name() + ") left organisation " + ctx.org().id());
    }
}
