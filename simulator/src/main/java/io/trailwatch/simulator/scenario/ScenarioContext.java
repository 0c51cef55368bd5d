package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Identity;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.AccountRole;
import io.trailwatch.simulator.org.IpPools;
import io.trailwatch.simulator.org.Organisation;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.org.PrincipalKind;
import io.trailwatch.simulator.traffic.CallContext;
import io.trailwatch.simulator.traffic.EventFactory;
import io.trailwatch.simulator.traffic.IdentityFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** What a scenario run works with: the organisation, its own random stream, and where its records go. */
public final class ScenarioContext {

    private final Organisation org;
    private final IdentityFactory ids;
    private final String runId;
    private final long start;
    private final SplittableRandom rng;
    private final List<CloudTrailEvent> events = new ArrayList<>();
    private String attackerCountry;
    private String attackerIp;
    private String summary = "";

    public ScenarioContext(Organisation org, IdentityFactory ids, String runId, long start, SplittableRandom rng) {
        this.org = org;
        this.ids = ids;
        this.runId = runId;
        this.start = start;
        this.rng = rng;
    }

    public Organisation org() {
        return org;
    }

    public IdentityFactory ids() {
        return ids;
    }

    public String runId() {
        return runId;
    }

    /** Epoch second the run starts. */
    public long start() {
        return start;
    }

    public SplittableRandom rng() {
        return rng;
    }

    /** Starts a record of this run; add it with {@link #add} once its call is filled in. */
    public CloudTrailEvent event(long t, Account account, String region, Identity identity, String sourceIp,
                                 String userAgent) {
        return EventFactory.start(t, account, region, identity, sourceIp, userAgent).scenario(runId).punctual(true);
    }

    public CallContext call(Account account, String region, long t) {
        return new CallContext(org, account, region, org.network(account, region), t, rng);
    }

    public void add(CloudTrailEvent e) {
        events.add(EventFactory.finish(e, rng));
    }

    public List<CloudTrailEvent> events() {
        return events;
    }

    /** An account the predicate accepts, chosen at random; any account when none does. */
    public Account account(Predicate<Account> wanted) {
        List<Account> matching = org.accounts().stream().filter(wanted).toList();
        List<Account> pool = matching.isEmpty() ? org.accounts() : matching;
        return pool.get(rng.nextInt(pool.size()));
    }

    public Account productionAccount() {
        return account(a -> a.role() == AccountRole.PRODUCTION);
    }

    public Account workloadAccount() {
        return account(a -> a.role().isWorkload());
    }

    /** The region workloads mostly run in. */
    public String homeRegion() {
        return org.identityCenterRegion();
    }

    /** The country the run's attacker operates from; fixed for the run. */
    public String attackerCountry() {
        if (attackerCountry == null) {
            attackerCountry = IpPools.ATTACKER_COUNTRIES.get(rng.nextInt(IpPools.ATTACKER_COUNTRIES.size()));
        }
        return attackerCountry;
    }

    /** The attacker's address; fixed for the run. */
    public String attackerIp() {
        if (attackerIp == null) {
            attackerIp = IpPools.inCountry(attackerCountry(), rng);
        }
        return attackerIp;
    }

    /**
     * A session with administrator rights in the account: an Identity Center administrator's, or else the
     * OrganizationAccountAccessRole.
     */
    public Identity adminSession(Account account, long t) {
        List<Principal> admins = org.principals(PrincipalKind.SSO_HUMAN).stream()
                .filter(p -> "AdministratorAccess".equals(p.permissionSetIn(account))).toList();
        if (admins.isEmpty()) {
            return ids.assumedRole(account, "OrganizationAccountAccessRole", "ops-automation", t, false);
        }
        return ids.ssoSession(admins.get(rng.nextInt(admins.size())), account, t);
    }

    public String summary() {
        return summary;
    }

    public void summary(String text) {
        this.summary = text;
    }
}
