package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Resource;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;
import java.util.List;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.CLOUDTRAIL_CONFIG_CHANGES;

/** An intruder with an administrator session stops, then deletes, an account's own trail. */
final class CloudTrailTampering extends BaseScenario {

    CloudTrailTampering() {
        super("cloudtrail-stop-and-delete", "An administrator session used from abroad stops logging on an "
                + "account trail and deletes it.", Duration.ofMinutes(2), CLOUDTRAIL_CONFIG_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        String trailArn = "arn:aws:cloudtrail:" + region + ":" + account.id() + ":trail/" + account.alias()
                + "-security-trail";
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();

        CloudTrailEvent describe = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        Calls.DESCRIBE_TRAILS.fill(describe, ctx.call(account, region, t));
        ctx.add(describe);

        t += 10 + ctx.rng().nextInt(20);
        CloudTrailEvent stop = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        stop.api(Calls.CLOUDTRAIL, "StopLogging", false).requestParameters(obj("name", trailArn))
                .responseElements(null)
                .resources(List.of(new Resource(trailArn, account.id(), "AWS::CloudTrail::Trail")));
        ctx.add(stop);

        t += 20 + ctx.rng().nextInt(40);
        CloudTrailEvent delete = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        delete.api(Calls.CLOUDTRAIL, "DeleteTrail", false).requestParameters(obj("name", trailArn))
                .responseElements(null)
                .resources(List.of(new Resource(trailArn, account.id(), "AWS::CloudTrail::Trail")));
        ctx.add(delete);
        ctx.summary("trail " + trailArn + " stopped and deleted from " + ctx.attackerIp());
    }
}
