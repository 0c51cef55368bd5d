package io.trailwatch.simulator.org;

import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.random.Seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** The simulated organisation: accounts, regions, principals and per-account/region resources, all from the seed. */
public final class Organisation {

    private static final String[][] INFRA_ACCOUNTS = {
        {"management", "MANAGEMENT"}, {"log-archive", "LOG_ARCHIVE"}, {"audit", "AUDIT"}, {"network", "NETWORK"},
        {"shared-services", "SHARED_SERVICES"}};
    private static final String[][] WORKLOAD_ACCOUNTS = {
        {"prod-payments", "PRODUCTION"}, {"prod-web", "PRODUCTION"}, {"prod-data", "PRODUCTION"},
        {"staging-web", "STAGING"}, {"staging-data", "STAGING"}, {"dev-web", "DEVELOPMENT"}, {"sandbox", "SANDBOX"},
        {"prod-analytics", "PRODUCTION"}, {"dev-data", "DEVELOPMENT"}, {"staging-analytics", "STAGING"},
        {"ml-research", "DEVELOPMENT"}};
    private static final String[] FIRST_NAMES = {"anna", "ben", "chloe", "david", "elena", "felix", "grace", "hugo",
        "isabel", "jonas", "kate", "lukas", "maria", "noah", "olivia", "pawel", "quinn", "rahul", "sofia", "tom",
        "ursula", "victor", "wei", "xavier", "yara", "zoe", "amir", "bianca", "carlos", "dana"};
    private static final String[] LAST_NAMES = {"schmidt", "smith", "martin", "kowalski", "garcia", "mueller",
        "brown", "dubois", "patel", "nowak", "fernandez", "wilson", "weber", "taylor", "moreau", "sharma", "lopez",
        "fischer", "evans", "bernard"};
    private static final String[] APP_ROLES = {"payments-api-task", "web-frontend-ec2", "orders-worker-task",
        "image-resize-lambda", "etl-batch-ec2", "reporting-lambda", "search-indexer-task", "audit-forwarder-lambda"};
    private static final String[] CI_ROLES = {"github-actions-deploy", "terraform-apply"};
    private static final String[] STAFF_WEIGHTED = {"DE", "DE", "DE", "GB", "GB", "US", "US", "US", "FR", "PL", "ES",
        "IN"};
    private static final Set<String> OFFICE_COUNTRIES = Set.of("DE", "GB", "US");

    private final long seed;
    private final String id;
    private final List<Account> accounts;
    private final List<String> regions;
    private final String identityCenterRegion;
    private final String identityStoreId;
    private final List<Principal> principals;
    private final Map<PrincipalKind, List<Principal>> byKind;
    private final List<List<Principal>> ciRolesByAccount;
    private final List<List<Principal>> appRolesByAccount;
    private final Map<String, String> officeIps;
    private final Network[][] networks;
    private final Set<String> accountIds;
    /** Per account: role name to role id, permission set to SSO role name and ARN (hot in generation). */
    private final List<Map<String, String>> roleIds;
    private final List<Map<String, String>> ssoRoleNames;
    private final List<Map<String, String>> ssoRoleArns;

    private Organisation(long seed, OrganisationConfig config) {
        this.seed = seed;
        SplittableRandom rng = Seeds.random(seed, Seeds.label("organisation"));
        this.id = config.organisationId() != null ? config.organisationId() : "o-" + RandomIds.lowerAlnum(rng, 10);
        this.regions = config.regions();
        this.identityCenterRegion = regions.stream().filter(r -> !r.equals(OrganisationConfig.GLOBAL_REGION))
                .findFirst().orElse(OrganisationConfig.GLOBAL_REGION);
        this.identityStoreId = "d-" + RandomIds.hex(rng, 10);
        this.accounts = createAccounts(config.accounts(), rng);
        Set<String> ids = new HashSet<>();
        for (Account a : accounts) {
            ids.add(a.id());
        }
        this.accountIds = Set.copyOf(ids);
        this.officeIps = Map.of("DE", IpPools.inCountry("DE", rng), "GB", IpPools.inCountry("GB", rng),
                "US", IpPools.inCountry("US", rng));
        this.networks = new Network[accounts.size()][regions.size()];
        this.roleIds = new ArrayList<>();
        this.ssoRoleNames = new ArrayList<>();
        this.ssoRoleArns = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            roleIds.add(new HashMap<>());
            ssoRoleNames.add(new HashMap<>());
            ssoRoleArns.add(new HashMap<>());
        }
        this.ciRolesByAccount = new ArrayList<>();
        this.appRolesByAccount = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            ciRolesByAccount.add(new ArrayList<>());
            appRolesByAccount.add(new ArrayList<>());
        }
        this.principals = createPrincipals(config.principals(), rng);
        Map<PrincipalKind, List<Principal>> kinds = new EnumMap<>(PrincipalKind.class);
        for (PrincipalKind kind : PrincipalKind.values()) {
            kinds.put(kind, principals.stream().filter(p -> p.kind() == kind).toList());
        }
        this.byKind = kinds;
    }

    public static Organisation create(long seed, OrganisationConfig config) {
        return new Organisation(seed, config);
    }

    private static List<Account> createAccounts(int n, SplittableRandom rng) {
        List<Account> out = new ArrayList<>(n);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String[] spec;
            String suffix = "";
            if (i < INFRA_ACCOUNTS.length) {
                spec = INFRA_ACCOUNTS[i];
            } else {
                int w = i - INFRA_ACCOUNTS.length;
                spec = WORKLOAD_ACCOUNTS[w % WORKLOAD_ACCOUNTS.length];
                int round = w / WORKLOAD_ACCOUNTS.length;
                suffix = round == 0 ? "" : "-" + (round + 1);
            }
            String accountId;
            do {
                accountId = RandomIds.accountId(rng);
            } while (!used.add(accountId));
            String name = spec[0] + suffix;
            out.add(new Account(i, accountId, name, "corp-" + name, AccountRole.valueOf(spec[1])));
        }
        return List.copyOf(out);
    }

    private List<Principal> createPrincipals(int total, SplittableRandom rng) {
        int ci = Math.max(1, Math.round(total * 0.12f));
        int apps = Math.max(1, Math.round(total * 0.18f));
        int iam = Math.max(2, Math.round(total * 0.07f));
        int fed = Math.max(1, Math.round(total * 0.03f));
        int humans = Math.max(1, total - ci - apps - iam - fed);
        List<Principal> out = new ArrayList<>(total);
        Set<String> emails = new LinkedHashSet<>();
        for (int i = 0; i < humans; i++) {
            out.add(human(out.size(), rng, emails));
        }
        for (int i = 0; i < iam; i++) {
            out.add(iamUser(out.size(), i, rng));
        }
        for (int i = 0; i < fed; i++) {
            out.add(federatedUser(out.size(), i, rng));
        }
        for (int i = 0; i < ci; i++) {
            Account account = accounts.get(i % accounts.size());
            int round = i / accounts.size();
            String name = CI_ROLES[round % CI_ROLES.length] + (round / CI_ROLES.length == 0 ? "" : "-" + (round / 2 + 1));
            Principal p = new Principal(out.size(), PrincipalKind.CI_ROLE, name, account, List.of(account), List.of(),
                    roleId(account, name), "US", IpPools.ciRunner(rng), null,
                    name.startsWith("terraform") ? UserAgents.terraform() : UserAgents.githubDeploy(), false, false,
                    null);
            ciRolesByAccount.get(account.index()).add(p);
            out.add(p);
        }
        List<Account> workload = accounts.stream().filter(a -> a.role().isWorkload()).toList();
        List<Account> appAccounts = workload.isEmpty() ? accounts : workload;
        for (int i = 0; i < apps; i++) {
            Account account = appAccounts.get(i % appAccounts.size());
            String base = APP_ROLES[(i / appAccounts.size() + account.index()) % APP_ROLES.length];
            int round = i / (appAccounts.size() * APP_ROLES.length);
            String name = base + (round == 0 ? "" : "-" + (round + 1));
            AppRuntime runtime = base.endsWith("lambda") ? AppRuntime.LAMBDA
                    : base.endsWith("task") ? AppRuntime.ECS : AppRuntime.EC2;
            Principal p = new Principal(out.size(), PrincipalKind.APP_ROLE, name, account, List.of(account),
                    List.of(), roleId(account, name), "US", null, null, UserAgents.appSdk(rng), false, false, runtime);
            appRolesByAccount.get(account.index()).add(p);
            out.add(p);
        }
        return List.copyOf(out);
    }

    private Principal human(int index, SplittableRandom rng, Set<String> emails) {
        String email;
        do {
            String first = FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[rng.nextInt(LAST_NAMES.length)];
            email = first + "." + last + (emails.size() >= FIRST_NAMES.length * LAST_NAMES.length / 2
                    ? String.valueOf(emails.size()) : "") + "@example.com";
        } while (!emails.add(email));
        String country = STAFF_WEIGHTED[rng.nextInt(STAFF_WEIGHTED.length)];
        String ip = OFFICE_COUNTRIES.contains(country) && rng.nextBoolean() ? officeIps.get(country)
                : IpPools.inCountry(country, rng);
        List<Account> acc = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        int persona = rng.nextInt(100);
        if (persona < 8) {
            for (Account a : accounts) {
                acc.add(a);
                sets.add("AdministratorAccess");
            }
        } else if (persona < 20) {
            for (Account a : accounts) {
                if (a.role() == AccountRole.AUDIT || a.role() == AccountRole.LOG_ARCHIVE) {
                    acc.add(a);
                    sets.add("SecurityAudit");
                } else if (rng.nextInt(3) == 0) {
                    acc.add(a);
                    sets.add("ReadOnlyAccess");
                }
            }
        } else {
            List<Account> pool = accounts.stream().filter(a -> a.role().isWorkload() || a.role() == AccountRole.NETWORK
                    || a.role() == AccountRole.SHARED_SERVICES).toList();
            if (pool.isEmpty()) {
                pool = accounts;
            }
            int n = Math.min(pool.size(), 2 + rng.nextInt(3));
            List<Account> shuffled = new ArrayList<>(pool);
            for (int i = 0; i < n; i++) {
                Account a = shuffled.remove(rng.nextInt(shuffled.size()));
                acc.add(a);
                sets.add(a.role() == AccountRole.PRODUCTION ? "ReadOnlyAccess"
                        : a.role() == AccountRole.NETWORK ? "NetworkAdministrator" : "PowerUserAccess");
            }
        }
        if (acc.isEmpty()) {
            acc.add(accounts.get(0));
            sets.add("ReadOnlyAccess");
        }
        return new Principal(index, PrincipalKind.SSO_HUMAN, email, accounts.get(0), acc, sets,
                RandomIds.uuid(rng), country, ip, UserAgents.browser(rng), UserAgents.cli(rng), true, true, null);
    }

    private Principal iamUser(int index, int n, SplittableRandom rng) {
        String[][] templates = {
            {"breakglass-admin", "MANAGEMENT", "console", "mfa"},
            {"ext-auditor", "AUDIT", "console", "nomfa"},
            {"svc-backup", "LOG_ARCHIVE", "keys", "nomfa"},
            {"svc-legacy-etl", "PRODUCTION", "keys", "nomfa"},
            {"contractor-" + FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)], "DEVELOPMENT", "console", "mfa"},
            {"jenkins-legacy", "SHARED_SERVICES", "keys", "nomfa"},
            {"svc-reporting", "PRODUCTION", "keys", "nomfa"},
            {"contractor-" + FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)], "STAGING", "console", "nomfa"}};
        String[] t = templates[n % templates.length];
        String name = t[0] + (n / templates.length == 0 ? "" : "-" + (n / templates.length + 1));
        Account home = accountFor(AccountRole.valueOf(t[1]), n);
        boolean console = t[2].equals("console");
        String country = STAFF_WEIGHTED[rng.nextInt(STAFF_WEIGHTED.length)];
        String ip = console ? IpPools.inCountry(country, rng) : IpPools.awsRegion(regions.get(0), rng);
        return new Principal(index, PrincipalKind.IAM_USER, name, home, List.of(home), List.of(),
                "AIDA" + RandomIds.upperAlnum(rng, 17), country, ip, console ? UserAgents.browser(rng) : null,
                console ? UserAgents.cli(rng) : UserAgents.appSdk(rng), t[3].equals("mfa"), console, null);
    }

    private Principal federatedUser(int index, int n, SplittableRandom rng) {
        Account home = accountFor(AccountRole.SHARED_SERVICES, n);
        String name = FIRST_NAMES[(n * 7 + 3) % FIRST_NAMES.length].charAt(0)
                + LAST_NAMES[(n * 11 + 5) % LAST_NAMES.length] + (n < FIRST_NAMES.length ? "" : String.valueOf(n));
        String country = STAFF_WEIGHTED[rng.nextInt(STAFF_WEIGHTED.length)];
        return new Principal(index, PrincipalKind.FEDERATED_USER, name, home, List.of(home), List.of(),
                home.id() + ":" + name, country, IpPools.inCountry(country, rng), UserAgents.browser(rng),
                UserAgents.cli(rng), false, false, null);
    }

    private Account accountFor(AccountRole role, int n) {
        List<Account> matching = accounts.stream().filter(a -> a.role() == role).toList();
        if (!matching.isEmpty()) {
            return matching.get(n % matching.size());
        }
        return accounts.get(n % accounts.size());
    }

    /** The role id (AROA…) of a role in an account; stable for the seed. */
    public String roleId(Account account, String roleName) {
        return roleIds.get(account.index()).computeIfAbsent(roleName, name -> {
            SplittableRandom r = Seeds.random(seed, Seeds.label("role:" + name), account.index());
            return "AROA" + RandomIds.upperAlnum(r, 17);
        });
    }

    /** The user id (AIDA…) of an IAM user that is not one of the principals, e.g. the federation broker. */
    public String userId(Account account, String userName) {
        SplittableRandom r = Seeds.random(seed, Seeds.label("user:" + userName), account.index());
        return "AIDA" + RandomIds.upperAlnum(r, 17);
    }

    public String ssoRoleName(Account account, String permissionSet) {
        return ssoRoleNames.get(account.index()).computeIfAbsent(permissionSet, set -> {
            SplittableRandom r = Seeds.random(seed, Seeds.label("sso:" + set), account.index());
            return "AWSReservedSSO_" + set + "_" + RandomIds.hex(r, 16);
        });
    }

    public String ssoRoleArn(Account account, String permissionSet) {
        return ssoRoleArns.get(account.index()).computeIfAbsent(permissionSet, set -> "arn:aws:iam::" + account.id()
                + ":role/aws-reserved/sso.amazonaws.com/" + identityCenterRegion + "/" + ssoRoleName(account, set));
    }

    public Network network(Account account, String region) {
        int r = regions.indexOf(region);
        if (r < 0) {
            throw new IllegalArgumentException("region " + region + " is not one of " + regions);
        }
        Network n = networks[account.index()][r];
        if (n == null) {
            n = Network.create(seed, account, region, r);
            networks[account.index()][r] = n;
        }
        return n;
    }

    public String id() {
        return id;
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Account management() {
        return accounts.get(0);
    }

    public List<String> regions() {
        return regions;
    }

    /** The home region of IAM Identity Center (and of the organisation's trail). */
    public String identityCenterRegion() {
        return identityCenterRegion;
    }

    public String identityStoreArn() {
        return "arn:aws:identitystore::" + management().id() + ":identitystore/" + identityStoreId;
    }

    public List<Principal> principals() {
        return principals;
    }

    public List<Principal> principals(PrincipalKind kind) {
        return byKind.get(kind);
    }

    public List<Principal> ciRoles(Account account) {
        return Collections.unmodifiableList(ciRolesByAccount.get(account.index()));
    }

    public List<Principal> appRoles(Account account) {
        return Collections.unmodifiableList(appRolesByAccount.get(account.index()));
    }

    public boolean isMember(String accountId) {
        return accountIds.contains(accountId);
    }
}
