package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.TimeText;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.IpPools;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.ROOT_ACCOUNT_USAGE;

/** Someone signs in as the root user of a member account (with MFA) and looks at IAM and billing settings. */
final class RootAccountUsage extends BaseScenario {

    RootAccountUsage() {
        super("root-account-usage", "The root user of a member account signs in to the console and uses it.",
                Duration.ofMinutes(2), ROOT_ACCOUNT_USAGE.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.workloadAccount();
        String global = OrganisationConfig.GLOBAL_REGION;
        String ip = IpPools.inCountry(IpPools.STAFF_COUNTRIES.get(ctx.rng().nextInt(3)), ctx.rng());
        String browser = UserAgents.browser(ctx.rng());
        long t = ctx.start();
        CloudTrailEvent signIn = ctx.event(t, account, global, ctx.ids().rootSignIn(account, false), ip, browser);
        Calls.consoleLogin(signIn, ctx.call(account, global, t), true, true,
                "arn:aws:iam::" + account.id() + ":mfa/root-account-mfa-device", null);
        ctx.add(signIn);

        t += 15 + ctx.rng().nextInt(20);
        CloudTrailEvent summary = ctx.event(t, account, global, ctx.ids().rootSession(account, t, true), ip,
                UserAgents.CONSOLE).fromConsole(true);
        summary.api(Calls.IAM, "GetAccountSummary", true).requestParameters(null);
        ctx.add(summary);

        t += 5 + ctx.rng().nextInt(20);
        CloudTrailEvent users = ctx.event(t, account, global, ctx.ids().rootSession(account, t, true), ip,
                UserAgents.CONSOLE).fromConsole(true);
        Calls.LIST_USERS.fill(users, ctx.call(account, global, t));
        ctx.add(users);

        t += 10 + ctx.rng().nextInt(30);
        CloudTrailEvent key = ctx.event(t, account, global, ctx.ids().rootSession(account, t, true), ip,
                UserAgents.CONSOLE).fromConsole(true);
        key.api(Calls.IAM, "CreateAccessKey", false).requestParameters(null)
                .responseElements(obj("accessKey", obj("accessKeyId", "AKIA" + RandomIds.upperAlnum(ctx.rng(), 16),
                        "status", "Active", "createDate", TimeText.responseDate(t))));
        ctx.add(key);
        ctx.summary("root user of " + account.id() + " signed in from " + ip + " and created an access key");
    }
}
