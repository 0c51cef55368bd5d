package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.NACL_CHANGES;

/** Allow-all rules from anywhere are put in front of a network ACL, ingress and egress. */
final class NaclOpened extends BaseScenario {

    NaclOpened() {
        super("nacl-opened", "A network ACL gets allow-all rules for 0.0.0.0/0 ahead of its deny rules.",
                Duration.ofMinutes(1), NACL_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();
        for (boolean egress : new boolean[] {false, true}) {
            CloudTrailEvent e = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
            e.api(Calls.EC2, "CreateNetworkAclEntry", false)
                    .requestParameters(obj("networkAclId", network.networkAclId(), "ruleNumber", 1, "egress", egress,
                            "ruleAction", "allow", "icmpTypeCode", obj(), "portRange", obj(), "aclProtocol", "-1",
                            "cidrBlock", "0.0.0.0/0"))
                    .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "_return", true));
            ctx.add(e);
            t += 5 + ctx.rng().nextInt(10);
        }
        ctx.summary("network ACL " + network.networkAclId() + " in " + account.id() + " opened to 0.0.0.0/0");
    }
}
