package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.org.PrincipalKind;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;
import java.util.List;

import static io.trailwatch.simulator.event.Json.items;
import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.SECURITY_GROUP_CHANGES;

/** SSH and RDP opened to the whole internet on a security group, from the console. */
final class SecurityGroupOpened extends BaseScenario {

    SecurityGroupOpened() {
        super("security-group-opened-to-world", "A security group is opened to 0.0.0.0/0 on SSH and RDP.",
                Duration.ofMinutes(1), SECURITY_GROUP_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        Network.SecurityGroup group = network.securityGroups().stream().filter(g -> g.name().equals("bastion"))
                .findFirst().orElse(network.securityGroups().get(0));
        List<Principal> humans = ctx.org().principals(PrincipalKind.SSO_HUMAN);
        Principal who = humans.get(ctx.rng().nextInt(humans.size()));
        long t = ctx.start();
        for (int port : new int[] {22, 3389}) {
            CloudTrailEvent e = ctx.event(t, account, region, ctx.ids().ssoSession(who, account, t), who.sourceIp(),
                    "AWS Internal").fromConsole(true);
            e.api(Calls.EC2, "AuthorizeSecurityGroupIngress", false)
                    .requestParameters(obj("groupId", group.id(), "ipPermissions",
                            items(Calls.permission("tcp", port, port, "0.0.0.0/0", "temporary access"))))
                    .responseElements(obj("requestId", RandomIds.uuid(ctx.rng()), "_return", true,
                            "securityGroupRuleSet", items(obj("groupOwnerId", account.id(), "groupId", group.id(),
                                    "securityGroupRuleId", "sgr-" + RandomIds.hex(ctx.rng(), 17), "isEgress", false,
                                    "ipProtocol", "tcp", "fromPort", port, "toPort", port, "cidrIpv4", "0.0.0.0/0",
                                    "description", "temporary access"))));
            ctx.add(e);
            t += 20 + ctx.rng().nextInt(30);
        }
        ctx.summary("security group " + group.id() + " (" + group.name() + ") in " + account.id()
                + " opened to 0.0.0.0/0 on 22 and 3389 by " + who.name());
    }
}
