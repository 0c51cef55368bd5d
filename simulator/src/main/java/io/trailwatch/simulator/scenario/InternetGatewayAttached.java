package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.NETWORK_GATEWAY_CHANGES;

/** A new internet gateway is created and attached to the private workload VPC, which had none. */
final class InternetGatewayAttached extends BaseScenario {

    InternetGatewayAttached() {
        super("internet-gateway-attached-to-private-vpc", "An internet gateway is created and attached to a "
                + "private VPC.", Duration.ofMinutes(1), NETWORK_GATEWAY_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        String igw = "igw-" + RandomIds.hex(ctx.rng(), 17);
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();

        CloudTrailEvent create = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        create.api(Calls.EC2, "CreateInternetGateway", false).requestParameters(obj())
                .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "internetGateway",
                        obj("internetGatewayId", igw, "ownerId", account.id(), "attachmentSet", obj(),
                                "tagSet", obj())));
        ctx.add(create);

        t += 5 + ctx.rng().nextInt(15);
        CloudTrailEvent attach = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        attach.api(Calls.EC2, "AttachInternetGateway", false)
                .requestParameters(obj("internetGatewayId", igw, "vpcId", network.vpcId()))
                .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "_return", true));
        ctx.add(attach);
        ctx.summary("internet gateway " + igw + " attached to private VPC " + network.vpcId() + " in "
                + account.id());
    }
}
