package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.TimeText;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.traffic.CallContext;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;
import java.util.List;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.CMK_DISABLE_OR_DELETION;

/** A customer-managed key is disabled and scheduled for deletion: data encrypted under it becomes unreadable. */
final class KmsKeyDeletion extends BaseScenario {

    KmsKeyDeletion() {
        super("kms-key-scheduled-deletion", "A customer-managed KMS key is disabled and scheduled for deletion.",
                Duration.ofMinutes(2), CMK_DISABLE_OR_DELETION.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        String keyId = network.kmsKeyIds().get(0);
        String keyArn = network.kmsKeyArn(keyId);
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();

        CloudTrailEvent describe = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        CallContext c = ctx.call(account, region, t);
        describe.api(Calls.KMS, "DescribeKey", true).requestParameters(obj("keyId", keyArn))
                .resources(List.of(Calls.kmsKey(c, keyId)));
        ctx.add(describe);

        t += 10 + ctx.rng().nextInt(20);
        CloudTrailEvent disable = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        disable.api(Calls.KMS, "DisableKey", false).requestParameters(obj("keyId", keyArn)).responseElements(null)
                .resources(List.of(Calls.kmsKey(c, keyId)));
        ctx.add(disable);

        t += 5 + ctx.rng().nextInt(20);
        long deletion = (Math.floorDiv(t, 86_400L) + 8) * 86_400L;
        CloudTrailEvent schedule = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(),
                tool);
        schedule.api(Calls.KMS, "ScheduleKeyDeletion", false)
                .requestParameters(obj("keyId", keyArn, "pendingWindowInDays", 7))
                .responseElements(obj("keyId", keyArn, "deletionDate", TimeText.responseDate(deletion),
                        "keyState", "PendingDeletion", "pendingWindowInDays", 7))
                .resources(List.of(Calls.kmsKey(c, keyId)));
        ctx.add(schedule);
        ctx.summary("KMS key " + keyArn + " disabled and scheduled for deletion in 7 days");
    }
}
