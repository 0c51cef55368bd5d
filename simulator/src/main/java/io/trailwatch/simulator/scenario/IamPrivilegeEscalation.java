package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Identity;
import io.trailwatch.simulator.event.TimeText;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.IpPools;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;
import java.util.List;

import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.IAM_POLICY_CHANGES;

/**
 * A compromised CI pipeline creates a backdoor user with AdministratorAccess and an access key, and gives a role an
 * inline allow-everything policy.
 */
final class IamPrivilegeEscalation extends BaseScenario {

    private static final String BACKDOOR = "support-sync";

    IamPrivilegeEscalation() {
        super("iam-privilege-escalation", "A compromised CI role creates a user with AdministratorAccess and puts an "
                + "allow-all inline policy on a role.", Duration.ofMinutes(2), IAM_POLICY_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = OrganisationConfig.GLOBAL_REGION;
        List<Principal> ci = ctx.org().ciRoles(account);
        Principal pipeline = ci.isEmpty() ? null : ci.get(0);
        String ip = IpPools.ciRunner(ctx.rng());
        String agent = pipeline == null ? "aws-cli/2.22.35" : pipeline.toolUserAgent();
        long t = ctx.start();
        String userArn = "arn:aws:iam::" + account.id() + ":user/" + BACKDOOR;

        CloudTrailEvent create = ctx.event(t, account, region, session(ctx, pipeline, account, t), ip, agent);
        create.api(Calls.IAM, "CreateUser", false).requestParameters(obj("userName", BACKDOOR))
                .responseElements(obj("user", obj("path", "/", "userName", BACKDOOR, "userId",
                        "AIDA" + RandomIds.upperAlnum(ctx.rng(), 17), "arn", userArn,
                        "createDate", TimeText.responseDate(t))));
        ctx.add(create);

        t += 3 + ctx.rng().nextInt(5);
        CloudTrailEvent attach = ctx.event(t, account, region, session(ctx, pipeline, account, t), ip, agent);
        attach.api(Calls.IAM, "AttachUserPolicy", false).requestParameters(obj("userName", BACKDOOR,
                "policyArn", "arn:aws:iam::aws:policy/AdministratorAccess")).responseElements(null);
        ctx.add(attach);

        t += 3 + ctx.rng().nextInt(5);
        CloudTrailEvent key = ctx.event(t, account, region, session(ctx, pipeline, account, t), ip, agent);
        key.api(Calls.IAM, "CreateAccessKey", false).requestParameters(obj("userName", BACKDOOR))
                .responseElements(obj("accessKey", obj("userName", BACKDOOR, "accessKeyId",
                        "AKIA" + RandomIds.upperAlnum(ctx.rng(), 16), "status", "Active",
                        "createDate", TimeText.responseDate(t))));
        ctx.add(key);

        t += 5 + ctx.rng().nextInt(10);
        String role = ctx.org().appRoles(account).isEmpty() ? "OrganizationAccountAccessRole"
                : ctx.org().appRoles(account).get(0).name();
        CloudTrailEvent inline = ctx.event(t, account, region, session(ctx, pipeline, account, t), ip, agent);
        inline.api(Calls.IAM, "PutRolePolicy", false).requestParameters(obj("roleName", role, "policyName",
                "ops-break-glass", "policyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
                .responseElements(null);
        ctx.add(inline);
        ctx.summary("user " + BACKDOOR + " created with AdministratorAccess and an access key, and an allow-all "
                + "inline policy put on " + role + " in " + account.id());
    }

    private static Identity session(ScenarioContext ctx, Principal pipeline, Account account, long t) {
        return pipeline == null ? ctx.adminSession(account, t) : ctx.ids().ciSession(pipeline, t);
    }
}
