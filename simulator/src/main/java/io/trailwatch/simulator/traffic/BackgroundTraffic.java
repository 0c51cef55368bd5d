package io.trailwatch.simulator.traffic;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Identity;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.AccountRole;
import io.trailwatch.simulator.org.AppRuntime;
import io.trailwatch.simulator.org.IpPools;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.Organisation;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.org.PrincipalKind;
import io.trailwatch.simulator.org.ServiceLinkedRole;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.random.Weighted;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static io.trailwatch.simulator.event.Json.obj;

/**
 * The organisation's everyday traffic: mostly reads, by people (following {@link Rhythm}) and machines (flat),
 * with the usual share of denied calls and occasional benign changes that CIS patterns still match (CI editing
 * security groups, Terraform publishing IAM policy versions, lifecycle rules, transit routes).
 */
public final class BackgroundTraffic {

    /** Share of traffic driven by people and their CI; the rest is machines. */
    static final double HUMAN_SHARE = 0.45;

    private enum Actor { SSO_HUMAN, IAM_USER, FEDERATED, PORTAL, CI, APP, SERVICE_LINKED, AWS_SERVICE }

    /** A call in a catalog: whether it goes to the global region and whether it can be denied. */
    private record Spec(Call call, boolean global, boolean deniable) {
    }

    private final Organisation org;
    private final IdentityFactory ids;
    private final Weighted<Actor> humanActors;
    private final Weighted<Actor> machineActors;
    private final Weighted<Spec> humanReads;
    private final Weighted<Spec> humanWrites;
    private final Weighted<Spec> keyUserCalls;
    private final Weighted<Spec> federatedCalls;
    private final Weighted<Spec> ciCalls;
    private final Weighted<Spec> appCalls;
    private final Weighted<ServiceLinkedRole> serviceLinkedRoles;
    private final Weighted<String> humanRegions;
    private final List<Principal> humans;
    private final List<Principal> iamUsers;
    private final List<Principal> federated;
    private final List<Principal> ciRoles;
    private final List<Principal> appRoles;
    private final List<Account> workloadAccounts;

    public BackgroundTraffic(Organisation org, IdentityFactory ids) {
        this.org = org;
        this.ids = ids;
        this.humans = org.principals(PrincipalKind.SSO_HUMAN);
        this.iamUsers = org.principals(PrincipalKind.IAM_USER);
        this.federated = org.principals(PrincipalKind.FEDERATED_USER);
        this.ciRoles = org.principals(PrincipalKind.CI_ROLE);
        this.appRoles = org.principals(PrincipalKind.APP_ROLE);
        List<Account> workloads = org.accounts().stream().filter(a -> a.role().isWorkload()).toList();
        this.workloadAccounts = workloads.isEmpty() ? org.accounts() : workloads;

        this.humanActors = Weighted.<Actor>builder()
                .add(humans.isEmpty() ? 0 : 30, Actor.SSO_HUMAN)
                .add(iamUsers.isEmpty() ? 0 : 3.5, Actor.IAM_USER)
                .add(federated.isEmpty() ? 0 : 1.5, Actor.FEDERATED)
                .add(humans.isEmpty() ? 0 : 0.5, Actor.PORTAL)
                .add(ciRoles.isEmpty() ? 0 : 8, Actor.CI)
                .build();
        this.machineActors = Weighted.<Actor>builder()
                .add(appRoles.isEmpty() ? 0 : 36, Actor.APP)
                .add(12, Actor.SERVICE_LINKED)
                .add(7, Actor.AWS_SERVICE)
                .build();

        this.humanReads = Weighted.<Spec>builder()
                .add(10, regional(Calls.DESCRIBE_INSTANCES)).add(5, regional(Calls.DESCRIBE_SECURITY_GROUPS))
                .add(3, regional(Calls.DESCRIBE_VPCS)).add(3, regional(Calls.DESCRIBE_SUBNETS))
                .add(2, regional(Calls.DESCRIBE_ROUTE_TABLES)).add(3, regional(Calls.DESCRIBE_VOLUMES))
                .add(5, regional(Calls.LIST_BUCKETS)).add(2, regional(Calls.GET_BUCKET_POLICY))
                .add(1, regional(Calls.GET_BUCKET_ACL)).add(3, regional(Calls.GET_BUCKET_LOCATION))
                .add(1, regional(Calls.GET_BUCKET_ENCRYPTION)).add(3, global(Calls.LIST_ROLES))
                .add(1, global(Calls.LIST_USERS)).add(2, global(Calls.GET_ROLE))
                .add(1, global(Calls.LIST_ATTACHED_ROLE_POLICIES)).add(1, global(Calls.GET_POLICY_VERSION))
                .add(3, undeniable(Calls.GET_CALLER_IDENTITY)).add(4, regional(Calls.DESCRIBE_LOG_GROUPS))
                .add(3, regional(Calls.DESCRIBE_ALARMS)).add(3, regional(Calls.LIST_FUNCTIONS))
                .add(2, regional(Calls.GET_FUNCTION)).add(2, regional(Calls.DESCRIBE_DB_INSTANCES))
                .add(3, regional(Calls.DESCRIBE_STACKS)).add(2, regional(Calls.DESCRIBE_SERVICES))
                .add(1, regional(Calls.DESCRIBE_TARGET_HEALTH)).add(1, regional(Calls.DESCRIBE_AUTO_SCALING_GROUPS))
                .add(1, regional(Calls.KMS_LIST_ALIASES)).add(1, regional(Calls.KMS_DESCRIBE_KEY))
                .add(1, regional(Calls.DESCRIBE_INSTANCE_INFORMATION)).add(0.5, regional(Calls.DESCRIBE_TRAILS))
                .add(1, regional(Calls.LOOKUP_EVENTS)).add(0.3, regional(Calls.DESCRIBE_RECORDER_STATUS))
                .add(0.5, regional(Calls.DESCRIBE_CONFIG_RULES)).add(1, regional(Calls.DESCRIBE_TABLE))
                .add(0.5, global(Calls.DESCRIBE_ORGANIZATION))
                .build();
        this.humanWrites = Weighted.<Spec>builder()
                .add(1, regional(Calls.STOP_INSTANCES)).add(1, regional(Calls.START_INSTANCES))
                .add(2, regional(Calls.CREATE_TAGS)).add(0.5, regional(Calls.PUT_BUCKET_TAGGING))
                .add(1, regional(Calls.UPDATE_FUNCTION_CODE)).add(0.5, regional(Calls.UPDATE_SERVICE))
                .build();
        this.keyUserCalls = Weighted.<Spec>builder()
                .add(4, regional(Calls.LIST_BUCKETS)).add(4, regional(Calls.GET_BUCKET_LOCATION))
                .add(3, regional(Calls.DESCRIBE_INSTANCES)).add(2, undeniable(Calls.GET_CALLER_IDENTITY))
                .add(3, regional(Calls.GET_PARAMETER)).add(2, regional(Calls.GET_SECRET_VALUE))
                .add(3, regional(Calls.KMS_DECRYPT)).add(1, regional(Calls.DESCRIBE_DB_INSTANCES))
                .build();
        this.federatedCalls = Weighted.<Spec>builder()
                .add(4, regional(Calls.LIST_BUCKETS)).add(3, regional(Calls.GET_BUCKET_LOCATION))
                .add(3, regional(Calls.DESCRIBE_INSTANCES)).add(2, regional(Calls.DESCRIBE_LOG_GROUPS))
                .add(1, regional(Calls.DESCRIBE_ALARMS))
                .build();
        this.ciCalls = Weighted.<Spec>builder()
                .add(6, regional(Calls.DESCRIBE_SECURITY_GROUPS)).add(4, regional(Calls.DESCRIBE_VPCS))
                .add(4, regional(Calls.DESCRIBE_SUBNETS)).add(3, regional(Calls.DESCRIBE_ROUTE_TABLES))
                .add(4, global(Calls.GET_ROLE)).add(4, global(Calls.GET_POLICY_VERSION))
                .add(3, global(Calls.LIST_ATTACHED_ROLE_POLICIES)).add(3, regional(Calls.GET_BUCKET_POLICY))
                .add(2, regional(Calls.GET_BUCKET_ACL)).add(2, regional(Calls.GET_BUCKET_ENCRYPTION))
                .add(2, regional(Calls.KMS_DESCRIBE_KEY)).add(2, regional(Calls.DESCRIBE_LOG_GROUPS))
                .add(3, regional(Calls.GET_FUNCTION)).add(2, regional(Calls.DESCRIBE_SERVICES))
                .add(2, regional(Calls.DESCRIBE_TABLE)).add(3, undeniable(Calls.GET_CALLER_IDENTITY))
                .add(2, regional(Calls.CREATE_TAGS)).add(2, regional(Calls.UPDATE_FUNCTION_CODE))
                .add(2, regional(Calls.UPDATE_SERVICE)).add(0.5, regional(Calls.PUT_BUCKET_TAGGING))
                // Benign changes that the CIS patterns match all the same.
                .add(0.10, regional(Calls.AUTHORIZE_INTERNAL_INGRESS))
                .add(0.06, regional(Calls.REVOKE_INTERNAL_INGRESS))
                .add(0.06, regional(Calls.MODIFY_SECURITY_GROUP_RULES))
                .add(0.10, global(Calls.CREATE_POLICY_VERSION))
                .add(0.04, global(Calls.DELETE_POLICY_VERSION))
                .add(0.04, regional(Calls.PUT_BUCKET_LIFECYCLE))
                .add(0.05, regional(Calls.CREATE_TRANSIT_ROUTE))
                .build();
        this.appCalls = Weighted.<Spec>builder()
                .add(20, regional(Calls.KMS_DECRYPT)).add(10, regional(Calls.KMS_GENERATE_DATA_KEY))
                .add(10, regional(Calls.GET_SECRET_VALUE)).add(12, regional(Calls.GET_PARAMETER))
                .add(4, regional(Calls.DESCRIBE_TABLE)).add(6, regional(Calls.CREATE_LOG_STREAM))
                .add(3, regional(Calls.ECR_AUTHORIZATION_TOKEN)).add(2, regional(Calls.DESCRIBE_INSTANCES))
                .add(2, undeniable(Calls.GET_CALLER_IDENTITY))
                .add(4, regional((e, c) -> Calls.assumeRole(e, c, "cross-service-reader", "app-" + c.rng().nextInt(
                        1000))))
                .build();
        this.serviceLinkedRoles = Weighted.<ServiceLinkedRole>builder()
                .add(20, ServiceLinkedRole.STANDARD.get(0)).add(35, ServiceLinkedRole.STANDARD.get(1))
                .add(15, ServiceLinkedRole.STANDARD.get(2)).add(15, ServiceLinkedRole.STANDARD.get(3))
                .add(10, ServiceLinkedRole.STANDARD.get(4)).add(5, ServiceLinkedRole.STANDARD.get(5))
                .build();
        Weighted.Builder<String> regions = Weighted.builder();
        for (String region : org.regions()) {
            regions.add(region.equals(org.identityCenterRegion()) ? 45
                    : region.equals(OrganisationConfig.GLOBAL_REGION) ? 25 : 30.0 / org.regions().size(), region);
        }
        this.humanRegions = regions.build();
    }

    private static Spec regional(Call call) {
        return new Spec(call, false, true);
    }

    private static Spec global(Call call) {
        return new Spec(call, true, true);
    }

    /** sts:GetCallerIdentity needs no permission and is never denied. */
    private static Spec undeniable(Call call) {
        return new Spec(call, false, false);
    }

    /**
     * Generates the background records with event times in {@code [from, to)}, in no particular order.
     *
     * @param rate mean events per simulated second over a week
     */
    public void generate(long from, long to, double rate, Rhythm rhythm, SplittableRandom rng,
                         Consumer<CloudTrailEvent> out) {
        long span = to - from;
        double mid = from + span / 2.0;
        long human = Poisson.draw(rng, rate * HUMAN_SHARE * rhythm.human((long) mid) * span);
        long machine = Poisson.draw(rng, rate * (1 - HUMAN_SHARE) * span);
        for (long i = 0; i < human; i++) {
            emit(humanActors.pick(rng), from + rng.nextLong(span), rng, out);
        }
        for (long i = 0; i < machine; i++) {
            emit(machineActors.pick(rng), from + rng.nextLong(span), rng, out);
        }
    }

    private void emit(Actor actor, long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        switch (actor) {
            case SSO_HUMAN -> ssoHuman(t, rng, out);
            case IAM_USER -> iamUser(t, rng, out);
            case FEDERATED -> federatedUser(t, rng, out);
            case PORTAL -> portal(t, rng, out);
            case CI -> ci(t, rng, out);
            case APP -> app(t, rng, out);
            case SERVICE_LINKED -> serviceLinked(t, rng, out);
            case AWS_SERVICE -> awsService(t, rng, out);
        }
    }

    private void ssoHuman(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Principal human = humans.get(rng.nextInt(humans.size()));
        Account account = human.accounts().get(rng.nextInt(human.accounts().size()));
        boolean write = rng.nextInt(100) < 7 && !"ReadOnlyAccess".equals(human.permissionSetIn(account))
                && !"SecurityAudit".equals(human.permissionSetIn(account));
        Spec spec = (write ? humanWrites : humanReads).pick(rng);
        boolean console = rng.nextInt(10) < 6;
        String region = spec.global() ? OrganisationConfig.GLOBAL_REGION : humanRegions.pick(rng);
        CloudTrailEvent e = EventFactory.start(t, account, region, ids.ssoSession(human, account, t),
                human.sourceIp(), console ? UserAgents.CONSOLE : human.toolUserAgent()).fromConsole(console);
        call(e, spec, account, region, t, rng, 0.004, out);
    }

    private void iamUser(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Principal user = iamUsers.get(rng.nextInt(iamUsers.size()));
        Account account = user.home();
        if (user.consoleAccess()) {
            if (rng.nextInt(1000) < 15) {
                iamUserSignIn(user, t, rng, out);
                return;
            }
            Spec spec = humanReads.pick(rng);
            String region = spec.global() ? OrganisationConfig.GLOBAL_REGION : humanRegions.pick(rng);
            Identity identity;
            if (user.mfaDevice() && rng.nextInt(4) == 0) {
                // Administrators switch role into member accounts; the session carries their MFA.
                account = org.accounts().get(rng.nextInt(org.accounts().size()));
                identity = ids.assumedRole(account, "OrganizationAccountAccessRole", user.name(), t, true);
            } else {
                identity = ids.iamUserConsoleSession(user, t);
            }
            CloudTrailEvent e = EventFactory.start(t, account, region, identity, user.sourceIp(), UserAgents.CONSOLE)
                    .fromConsole(true);
            call(e, spec, account, region, t, rng, 0.004, out);
            return;
        }
        Spec spec = keyUserCalls.pick(rng);
        String region = spec.global() ? OrganisationConfig.GLOBAL_REGION : org.identityCenterRegion();
        CloudTrailEvent e = EventFactory.start(t, account, region, ids.iamUserWithKey(user), user.sourceIp(),
                user.toolUserAgent());
        call(e, spec, account, region, t, rng, 0.005, out);
    }

    /** A console sign-in; now and then a mistyped password first. */
    private void iamUserSignIn(Principal user, long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Account account = user.home();
        String region = OrganisationConfig.GLOBAL_REGION;
        CallContext c = context(account, region, t, rng);
        String mfaArn = user.mfaDevice() ? "arn:aws:iam::" + account.id() + ":mfa/" + user.name() : null;
        long success = t;
        if (rng.nextInt(100) < 4) {
            CloudTrailEvent failed = EventFactory.start(t, account, region, ids.iamUserSignIn(user, true),
                    user.sourceIp(), user.browserUserAgent());
            Calls.consoleLogin(failed, c, false, false, null, "Failed authentication");
            out.accept(EventFactory.finish(failed, rng));
            success = t + 20 + rng.nextInt(40);
        }
        CloudTrailEvent e = EventFactory.start(success, account, region, ids.iamUserSignIn(user, false), user.sourceIp(),
                user.browserUserAgent());
        Calls.consoleLogin(e, c, true, user.mfaDevice(), mfaArn, null);
        out.accept(EventFactory.finish(e, rng));
    }

    private void federatedUser(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Principal user = federated.get(rng.nextInt(federated.size()));
        Account account = user.home();
        if (rng.nextInt(100) < 3) {
            String region = OrganisationConfig.GLOBAL_REGION;
            CloudTrailEvent e = EventFactory.start(t, account, region, ids.federationBroker(account),
                    org.network(account, region).natPublicIp(), UserAgents.appSdk(rng));
            Calls.getFederationToken(e, context(account, region, t, rng), user.name());
            out.accept(EventFactory.finish(e, rng));
            return;
        }
        Spec spec = federatedCalls.pick(rng);
        String region = humanRegions.pick(rng);
        CloudTrailEvent e = EventFactory.start(t, account, region, ids.federated(user, t), user.sourceIp(),
                UserAgents.CONSOLE).fromConsole(true);
        call(e, spec, account, region, t, rng, 0.003, out);
    }

    /** The IAM Identity Center access portal; choosing an account's console yields a sign-in record there. */
    private void portal(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Principal human = humans.get(rng.nextInt(humans.size()));
        Account management = org.management();
        String region = org.identityCenterRegion();
        Account target = human.accounts().get(rng.nextInt(human.accounts().size()));
        String roleName = org.ssoRoleName(target, human.permissionSetIn(target));
        int what = rng.nextInt(100);
        CloudTrailEvent e = EventFactory.start(t, management, region, ids.identityCenterUser(human, t),
                human.sourceIp(), human.browserUserAgent());
        if (what < 35) {
            e.api(Calls.SSO, "ListAccounts", true).requestParameters(obj("maxResults", "100"));
        } else if (what < 65) {
            e.api(Calls.SSO, "ListAccountRoles", true).requestParameters(obj("accountId", target.id()));
        } else if (what < 85) {
            e.api(Calls.SSO, "GetRoleCredentials", true)
                    .requestParameters(obj("accountId", target.id(), "roleName", roleName));
        } else {
            e.api(Calls.SSO, "Federate", true).requestParameters(obj("accountId", target.id(), "roleName",
                    roleName));
            out.accept(EventFactory.finish(e.responseElements(null), rng));
            // Identity Center sign-ins report MFAUsed "No" even though the identity provider enforced MFA.
            String signInRegion = OrganisationConfig.GLOBAL_REGION;
            CloudTrailEvent signIn = EventFactory.start(t + 1 + rng.nextInt(3), target, signInRegion,
                    ids.ssoSignIn(human, target, t), human.sourceIp(), human.browserUserAgent());
            Calls.consoleLogin(signIn, context(target, signInRegion, t, rng), true, false, null, null);
            out.accept(EventFactory.finish(signIn, rng));
            return;
        }
        out.accept(EventFactory.finish(e.responseElements(null), rng));
    }

    private void ci(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Principal ci = ciRoles.get(rng.nextInt(ciRoles.size()));
        Account account = ci.home();
        String region = org.identityCenterRegion();
        String runner = IpPools.ciRunner(rng);
        if (rng.nextInt(100) < 4) {
            CloudTrailEvent e = EventFactory.start(t, account, region, ids.webIdentityUser(ci), runner,
                    ci.toolUserAgent());
            Calls.assumeRoleWithWebIdentity(e, context(account, region, t, rng), ci.name(),
                    ids.webIdentityUser(ci).userName());
            out.accept(EventFactory.finish(e, rng));
            return;
        }
        Spec spec = ciCalls.pick(rng);
        if (spec.call() == Calls.CREATE_TRANSIT_ROUTE && account.role() != AccountRole.NETWORK) {
            spec = regional(Calls.DESCRIBE_ROUTE_TABLES);
        }
        String callRegion = spec.global() ? OrganisationConfig.GLOBAL_REGION : region;
        CloudTrailEvent e = EventFactory.start(t, account, callRegion, ids.ciSession(ci, t), runner,
                ci.toolUserAgent());
        call(e, spec, account, callRegion, t, rng, 0.001, out);
    }

    private void app(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Principal app = appRoles.get(rng.nextInt(appRoles.size()));
        Account account = app.home();
        String region = rng.nextInt(10) < 7 ? org.identityCenterRegion()
                : org.regions().get(rng.nextInt(org.regions().size()));
        Network network = org.network(account, region);
        Spec spec = appCalls.pick(rng);
        if (spec.call() == Calls.CREATE_LOG_STREAM && app.runtime() == AppRuntime.EC2) {
            spec = regional(Calls.GET_PARAMETER);
        }
        CloudTrailEvent e = EventFactory.start(t, account, region, ids.appSession(app, network, t),
                network.natPublicIp(), app.toolUserAgent());
        call(e, spec, account, region, t, rng, 0.001, out);
    }

    private void serviceLinked(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        ServiceLinkedRole slr = serviceLinkedRoles.pick(rng);
        Account account = org.accounts().get(rng.nextInt(org.accounts().size()));
        String region = org.regions().get(rng.nextInt(org.regions().size()));
        Identity identity = ids.serviceLinked(slr, account, t);
        int r = rng.nextInt(100);
        Call call = switch (slr.service()) {
            case "autoscaling.amazonaws.com" -> r < 60 ? Calls.DESCRIBE_INSTANCE_STATUS : Calls.DESCRIBE_INSTANCES;
            case "elasticloadbalancing.amazonaws.com", "ecs.amazonaws.com" ->
                    r < 60 ? Calls.DESCRIBE_NETWORK_INTERFACES : Calls.DESCRIBE_INSTANCES;
            case "securityhub.amazonaws.com" -> r < 5 ? Calls.GET_MACIE_SESSION
                    : r < 60 ? Calls.DESCRIBE_CONFIG_RULES : Calls.DESCRIBE_TRAILS;
            case "guardduty.amazonaws.com" -> r < 50 ? Calls.DESCRIBE_INSTANCES : Calls.DESCRIBE_VPCS;
            default -> configRecorderCall(r);
        };
        boolean global = call == Calls.LIST_ROLES;
        String callRegion = global ? OrganisationConfig.GLOBAL_REGION : region;
        CloudTrailEvent e = EventFactory.start(t, account, callRegion, identity, slr.service(), slr.service());
        CallContext c = context(account, callRegion, t, rng);
        call.fill(e, c);
        e.tlsHost(null);
        if (call == Calls.GET_MACIE_SESSION) {
            // Security Hub asks every account; without Macie enabled the call is denied.
            e.error("AccessDeniedException", "Macie is not enabled for this AWS account.");
        } else if (call == Calls.HEAD_BUCKET && rng.nextInt(100) < 3) {
            // A bucket policy that denies everyone but its owners: excluded from CIS 5.1 by the HeadBucket clause.
            e.error("AccessDenied", "Access Denied");
        }
        out.accept(EventFactory.finish(e, rng));
    }

    private static Call configRecorderCall(int r) {
        if (r < 15) {
            return Calls.DESCRIBE_SECURITY_GROUPS;
        } else if (r < 25) {
            return Calls.DESCRIBE_VPCS;
        } else if (r < 35) {
            return Calls.DESCRIBE_SUBNETS;
        } else if (r < 45) {
            return Calls.DESCRIBE_ROUTE_TABLES;
        } else if (r < 55) {
            return Calls.GET_BUCKET_ACL;
        } else if (r < 62) {
            return Calls.GET_BUCKET_POLICY;
        } else if (r < 70) {
            return Calls.GET_BUCKET_ENCRYPTION;
        } else if (r < 78) {
            return Calls.HEAD_BUCKET;
        } else if (r < 85) {
            return Calls.LIST_ROLES;
        } else if (r < 92) {
            return Calls.DESCRIBE_DB_INSTANCES;
        }
        return Calls.KMS_DESCRIBE_KEY;
    }

    private void awsService(long t, SplittableRandom rng, Consumer<CloudTrailEvent> out) {
        Account account = workloadAccounts.get(rng.nextInt(workloadAccounts.size()));
        String region = org.regions().get(rng.nextInt(org.regions().size()));
        Network network = org.network(account, region);
        CallContext c = context(account, region, t, rng);
        int r = rng.nextInt(100);
        CloudTrailEvent e;
        if (r < 80) {
            String service = r < 40 ? "lambda.amazonaws.com" : r < 65 ? "ecs-tasks.amazonaws.com" : "ec2.amazonaws.com";
            List<Principal> roles = org.appRoles(account);
            String role = roles.isEmpty() ? "OrganizationAccountAccessRole" : roles.get(rng.nextInt(roles.size()))
                    .name();
            String session = switch (service) {
                case "lambda.amazonaws.com" -> c.any(network.functions());
                case "ec2.amazonaws.com" -> c.any(network.instanceIds());
                default -> RandomIds.hex(rng, 32);
            };
            e = EventFactory.start(t, account, region, ids.awsService(service), service, service);
            Calls.assumeRole(e, c, role, session);
        } else if (r < 95) {
            String service = "delivery.logs.amazonaws.com";
            e = EventFactory.start(t, account, region, ids.awsService(service), service, service);
            Calls.GET_BUCKET_ACL.fill(e, c);
            e.tlsHost(null);
            if (rng.nextInt(100) < 30) {
                // Log delivery probing a bucket it may not write to: excluded from CIS 5.1 by its source clause.
                e.error("AccessDenied", "Access Denied");
            }
        } else {
            String key = c.any(network.kmsKeyIds());
            e = EventFactory.start(t, account, region, ids.awsInternal(account), "kms.amazonaws.com",
                    "kms.amazonaws.com");
            e.api(Calls.KMS, "RotateKey", false).eventType(CloudTrailEvent.SERVICE_EVENT).requestParameters(null)
                    .additionalEventData(obj("keyId", network.kmsKeyArn(key)))
                    .resources(List.of(Calls.kmsKey(c, key)));
        }
        out.accept(EventFactory.finish(e, rng));
    }

    private void call(CloudTrailEvent e, Spec spec, Account account, String region, long t, SplittableRandom rng,
                      double denyProbability, Consumer<CloudTrailEvent> out) {
        spec.call().fill(e, context(account, region, t, rng));
        if (spec.deniable() && e.errorCode() == null && rng.nextDouble() < denyProbability) {
            Denials.deny(e);
        }
        out.accept(EventFactory.finish(e, rng));
    }

    private CallContext context(Account account, String region, long t, SplittableRandom rng) {
        return new CallContext(org, account, region, org.network(account, region), t, rng);
    }
}
