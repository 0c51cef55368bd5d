package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.TimeText;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.VPC_CHANGES;

/** A peering connection is requested from the production VPC to a VPC in an account outside the organisation. */
final class VpcPeeringUnknownAccount extends BaseScenario {

    VpcPeeringUnknownAccount() {
        super("vpc-peering-to-unknown-account", "A VPC peering connection is requested to an account that is not "
                + "in the organisation.", Duration.ofMinutes(1), VPC_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        String unknown;
        do {
            unknown = RandomIds.accountId(ctx.rng());
        } while (ctx.org().isMember(unknown));
        String peerVpc = "vpc-" + RandomIds.hex(ctx.rng(), 17);
        String pcx = "pcx-" + RandomIds.hex(ctx.rng(), 17);
        long t = ctx.start();
        CloudTrailEvent e = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(),
                UserAgents.attackTool(ctx.rng()));
        e.api(Calls.EC2, "CreateVpcPeeringConnection", false)
                .requestParameters(obj("vpcId", network.vpcId(), "peerVpcId", peerVpc, "peerOwnerId", unknown,
                        "peerRegion", region))
                .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "vpcPeeringConnection", obj(
                        "vpcPeeringConnectionId", pcx,
                        "requesterVpcInfo", obj("ownerId", account.id(), "vpcId", network.vpcId(),
                                "cidrBlock", network.vpcCidr(), "region", region),
                        "accepterVpcInfo", obj("ownerId", unknown, "vpcId", peerVpc, "region", region),
                        "status", obj("code", "initiating-request", "message", "Initiating Request to " + unknown),
                        "expirationTime", TimeText.iso(t + 7 * 86_400L), "tagSet", obj())));
        ctx.add(e);
        ctx.summary("peering " + pcx + " requested from " + network.vpcId() + " (" + account.id()
                + ") to account " + unknown + " outside the organisation");
    }
}
