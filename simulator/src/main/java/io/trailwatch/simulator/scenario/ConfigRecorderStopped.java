package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.AWS_CONFIG_CHANGES;

/** AWS Config's recorder is stopped and its delivery channel removed, blinding configuration history. */
final class ConfigRecorderStopped extends BaseScenario {

    ConfigRecorderStopped() {
        super("config-recorder-stopped", "The AWS Config recorder of an account is stopped and its delivery "
                + "channel deleted.", Duration.ofMinutes(2), AWS_CONFIG_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.workloadAccount();
        String region = ctx.homeRegion();
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();

        CloudTrailEvent status = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        Calls.DESCRIBE_RECORDER_STATUS.fill(status, ctx.call(account, region, t));
        ctx.add(status);

        t += 5 + ctx.rng().nextInt(15);
        CloudTrailEvent stop = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        stop.api(Calls.CONFIG, "StopConfigurationRecorder", false)
                .requestParameters(obj("configurationRecorderName", "default")).responseElements(null);
        ctx.add(stop);

        t += 10 + ctx.rng().nextInt(30);
        CloudTrailEvent delete = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        delete.api(Calls.CONFIG, "DeleteDeliveryChannel", false)
                .requestParameters(obj("deliveryChannelName", "default")).responseElements(null);
        ctx.add(delete);
        ctx.summary("Config recorder stopped and delivery channel deleted in " + account.id() + " " + region);
    }
}
