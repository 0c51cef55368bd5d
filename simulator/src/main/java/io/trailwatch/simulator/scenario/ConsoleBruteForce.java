package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.org.PrincipalKind;
import io.trailwatch.simulator.traffic.CallContext;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;
import java.util.List;

import static io.trailwatch.simulator.truth.CisRule.CONSOLE_AUTH_FAILURES;
import static io.trailwatch.simulator.truth.CisRule.CONSOLE_SIGNIN_WITHOUT_MFA;
import static io.trailwatch.simulator.truth.RuleIds.OUTLIER_CONSOLE_AUTH_FAILURES;

/**
 * Password guessing against an IAM user without MFA from abroad: a spike of failed console sign-ins
 * ({@code errorMessage} "Failed authentication", {@code ConsoleLogin} "Failure"), then a success without MFA and a
 * look around.
 */
final class ConsoleBruteForce extends BaseScenario {

    private static final String HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/120.0.6099.109 Safari/537.36";

    ConsoleBruteForce() {
        super("console-brute-force", "A spike of failed console sign-ins from abroad against an IAM user without "
                        + "MFA, then a successful sign-in without MFA.", Duration.ofMinutes(5),
                CONSOLE_AUTH_FAILURES.id(), CONSOLE_SIGNIN_WITHOUT_MFA.id(), OUTLIER_CONSOLE_AUTH_FAILURES);
    }

    @Override
    public void inject(ScenarioContext ctx) {
        List<Principal> users = ctx.org().principals(PrincipalKind.IAM_USER);
        List<Principal> weak = users.stream().filter(u -> u.consoleAccess() && !u.mfaDevice()).toList();
        Principal victim = (weak.isEmpty() ? users : weak).get(ctx.rng().nextInt((weak.isEmpty() ? users : weak)
                .size()));
        Account account = victim.home();
        String region = OrganisationConfig.GLOBAL_REGION;
        int failures = 40 + ctx.rng().nextInt(21);
        long spread = 150 + ctx.rng().nextInt(61);
        long t = ctx.start();
        for (int i = 0; i < failures; i++) {
            long at = ctx.start() + spread * i / failures;
            CloudTrailEvent e = ctx.event(at, account, region, ctx.ids().iamUserSignIn(victim, true),
                    ctx.attackerIp(), HEADLESS);
            Calls.consoleLogin(e, ctx.call(account, region, at), false, false, null, "Failed authentication");
            ctx.add(e);
            t = at;
        }
        t += 20 + ctx.rng().nextInt(20);
        CloudTrailEvent success = ctx.event(t, account, region, ctx.ids().iamUserSignIn(victim, false),
                ctx.attackerIp(), HEADLESS);
        Calls.consoleLogin(success, ctx.call(account, region, t), true, false, null, null);
        ctx.add(success);
        String home = ctx.homeRegion();
        for (var call : List.of(Calls.GET_CALLER_IDENTITY, Calls.LIST_USERS, Calls.LIST_BUCKETS,
                Calls.DESCRIBE_INSTANCES)) {
            t += 3 + ctx.rng().nextInt(8);
            String callRegion = call == Calls.LIST_USERS ? region : home;
            CloudTrailEvent e = ctx.event(t, account, callRegion, ctx.ids().iamUserConsoleSession(victim, t),
                    ctx.attackerIp(), "AWS Internal").fromConsole(true);
            CallContext c = ctx.call(account, callRegion, t);
            call.fill(e, c);
            ctx.add(e);
        }
        ctx.summary(failures + " failed console sign-ins to " + victim.name() + " in " + account.id() + " from "
                + ctx.attackerCountry() + " (" + ctx.attackerIp() + "), then a sign-in without MFA");
    }
}
