package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.ROUTE_TABLE_CHANGES;

/** The default route of a private route table is pointed at an attacker-controlled network interface. */
final class RouteTableHijack extends BaseScenario {

    RouteTableHijack() {
        super("route-table-hijack", "The default route of a private route table is redirected to an "
                + "attacker-controlled network interface.", Duration.ofMinutes(1), ROUTE_TABLE_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        String eni = "eni-" + RandomIds.hex(ctx.rng(), 17);
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();

        CloudTrailEvent describe = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(),
                tool);
        Calls.DESCRIBE_ROUTE_TABLES.fill(describe, ctx.call(account, region, t));
        ctx.add(describe);

        t += 5 + ctx.rng().nextInt(15);
        CloudTrailEvent replace = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        replace.api(Calls.EC2, "ReplaceRoute", false)
                .requestParameters(obj("routeTableId", network.privateRouteTableId(), "destinationCidrBlock",
                        "0.0.0.0/0", "networkInterfaceId", eni))
                .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "_return", true));
        ctx.add(replace);

        t += 5 + ctx.rng().nextInt(15);
        CloudTrailEvent create = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        create.api(Calls.EC2, "CreateRoute", false)
                .requestParameters(obj("routeTableId", network.privateRouteTableId(), "destinationCidrBlock",
                        "169.254.169.254/32", "networkInterfaceId", eni))
                .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "_return", true));
        ctx.add(create);
        ctx.summary("default route of " + network.privateRouteTableId() + " in " + account.id()
                + " redirected to " + eni);
    }
}
