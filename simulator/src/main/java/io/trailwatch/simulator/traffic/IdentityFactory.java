package io.trailwatch.simulator.traffic;

import io.trailwatch.simulator.event.Identity;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.Organisation;
import io.trailwatch.simulator.org.Principal;
import io.trailwatch.simulator.org.ServiceLinkedRole;
import io.trailwatch.simulator.random.Seeds;

/**
 * Builds {@code userIdentity} blocks of every type for the organisation's principals. Session values (temporary
 * access key, creation date) are a function of principal, account and hour, so a session looks the same across
 * the records it makes.
 */
public final class IdentityFactory {

    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    public static final String BROKER_USER = "federation-broker";
    private static final long SESSION = Seeds.label("session");

    private final Organisation org;
    private final long seed;

    public IdentityFactory(Organisation org, long seed) {
        this.org = org;
        this.seed = seed;
    }

    /** An IAM Identity Center user working in an account through their permission-set role. */
    public Identity ssoSession(Principal human, Account account, long t) {
        String permissionSet = human.permissionSetIn(account);
        if (permissionSet == null) {
            permissionSet = "ReadOnlyAccess";
        }
        String roleName = org.ssoRoleName(account, permissionSet);
        String roleId = org.roleId(account, roleName);
        long h = session(human.index(), account.index(), t);
        return Identity.builder("AssumedRole")
                .principalId(roleId + ":" + human.name())
                .arn("arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + human.name())
                .accountId(account.id())
                .accessKeyId(key("ASIA", h))
                .sessionIssuer(new Identity.SessionIssuer("Role", roleId, org.ssoRoleArn(account, permissionSet),
                        account.id(), roleName))
                .session(creation(t, h), false)
                .build();
    }

    /** The identity on the console sign-in record of an Identity Center user federating into an account. */
    public Identity ssoSignIn(Principal human, Account account, long t) {
        String permissionSet = human.permissionSetIn(account);
        if (permissionSet == null) {
            permissionSet = "ReadOnlyAccess";
        }
        String roleName = org.ssoRoleName(account, permissionSet);
        String roleId = org.roleId(account, roleName);
        long h = session(human.index(), account.index(), t);
        return Identity.builder("AssumedRole")
                .principalId(roleId + ":" + human.name())
                .arn("arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + human.name())
                .accountId(account.id())
                .sessionIssuer(new Identity.SessionIssuer("Role", roleId, org.ssoRoleArn(account, permissionSet),
                        account.id(), roleName))
                .session(creation(t, h), false)
                .build();
    }

    /** The identity of an IAM user calling with its long-lived access key. */
    public Identity iamUserWithKey(Principal user) {
        long h = Seeds.derive(seed, Seeds.label("akia"), user.index());
        return iamUser(user.home(), user.name(), user.uniqueId()).accessKeyId(key("AKIA", h)).build();
    }

    /** An IAM user working in the console (temporary console credentials). */
    public Identity iamUserConsoleSession(Principal user, long t) {
        long h = session(user.index(), user.home().index(), t);
        return iamUser(user.home(), user.name(), user.uniqueId()).accessKeyId(key("ASIA", h))
                .session(creation(t, h), user.mfaDevice()).build();
    }

    /** The identity on a console sign-in record; failed sign-ins carry an empty access key id. */
    public Identity iamUserSignIn(Principal user, boolean failed) {
        Identity.Builder b = iamUser(user.home(), user.name(), user.uniqueId());
        if (failed) {
            b.accessKeyId("");
        }
        return b.build();
    }

    public Identity federated(Principal user, long t) {
        Account account = user.home();
        long h = session(user.index(), account.index(), t);
        return Identity.builder("FederatedUser")
                .principalId(account.id() + ":" + user.name())
                .arn("arn:aws:sts::" + account.id() + ":federated-user/" + user.name())
                .accountId(account.id())
                .accessKeyId(key("ASIA", h))
                .sessionIssuer(new Identity.SessionIssuer("IAMUser", org.userId(account, BROKER_USER),
                        "arn:aws:iam::" + account.id() + ":user/" + BROKER_USER, account.id(), BROKER_USER))
                .session(creation(t, h), false)
                .build();
    }

    /** The IAM user that issues federation tokens. */
    public Identity federationBroker(Account account) {
        long h = Seeds.derive(seed, Seeds.label("akia-broker"), account.index());
        return iamUser(account, BROKER_USER, org.userId(account, BROKER_USER)).accessKeyId(key("AKIA", h)).build();
    }

    /** A person acting in the IAM Identity Center access portal. */
    public Identity identityCenterUser(Principal human, long t) {
        long h = session(human.index(), -1, t);
        return Identity.builder("IdentityCenterUser")
                .accountId(org.management().id())
                .onBehalfOf(human.uniqueId(), org.identityStoreArn())
                .credentialId(key("", h) + key("", Seeds.mix(h)) + key("", Seeds.mix(h + 1)))
                .build();
    }

    /** A CI role session obtained through GitHub Actions OIDC. */
    public Identity ciSession(Principal ci, long t) {
        Account account = ci.home();
        long h = session(ci.index(), account.index(), t);
        String sessionName = ci.name().startsWith("terraform") ? "terraform-" + Long.toHexString(h & 0xFFFFFFL)
                : "GitHubActions";
        return role(account, ci.name(), ci.uniqueId(), sessionName, h, t, false)
                .webIdFederatedProvider(githubProvider(account)).build();
    }

    /** The caller of sts:AssumeRoleWithWebIdentity. */
    public Identity webIdentityUser(Principal ci) {
        String subject = "repo:corp/" + (ci.name().startsWith("terraform") ? "infrastructure" : "platform")
                + ":ref:refs/heads/main";
        return Identity.builder("WebIdentityUser")
                .principalId(githubProvider(ci.home()) + ":sts.amazonaws.com:" + subject)
                .userName(subject)
                .identityProvider(githubProvider(ci.home()))
                .build();
    }

    /** An application role session: instance profile, Lambda function or ECS task. */
    public Identity appSession(Principal app, Network network, long t) {
        Account account = app.home();
        long h = session(app.index(), account.index(), t);
        String sessionName = switch (app.runtime()) {
            case EC2 -> network.instanceIds().get(app.index() % network.instanceIds().size());
            case LAMBDA -> network.functions().get(app.index() % network.functions().size());
            case ECS -> Long.toHexString(h) + Long.toHexString(Seeds.mix(h));
        };
        Identity.Builder b = role(account, app.name(), app.uniqueId(), sessionName, h, t, false);
        if (app.runtime() == io.trailwatch.simulator.org.AppRuntime.EC2) {
            b.ec2RoleDelivery("2.0");
        }
        return b.build();
    }

    /** A service-linked role session: the service calls on the account's behalf. */
    public Identity serviceLinked(ServiceLinkedRole slr, Account account, long t) {
        long h = session(slr.roleName().hashCode(), account.index(), t);
        String roleId = org.roleId(account, slr.roleName());
        return Identity.builder("AssumedRole")
                .principalId(roleId + ":" + slr.sessionName())
                .arn("arn:aws:sts::" + account.id() + ":assumed-role/" + slr.roleName() + "/" + slr.sessionName())
                .accountId(account.id())
                .accessKeyId(key("ASIA", h))
                .sessionIssuer(new Identity.SessionIssuer("Role", roleId, slr.arn(account), account.id(),
                        slr.roleName()))
                .session(creation(t, h), false)
                .invokedBy(slr.service())
                .build();
    }

    /** An AWS service principal, e.g. Lambda assuming an execution role. */
    public Identity awsService(String service) {
        return Identity.builder("AWSService").invokedBy(service).build();
    }

    /** The identity of events AWS itself performs (eventType AwsServiceEvent), which has no type. */
    public Identity awsInternal(Account account) {
        return Identity.builder(null).accountId(account.id()).invokedBy("AWS Internal").build();
    }

    public Identity rootSignIn(Account account, boolean failed) {
        Identity.Builder b = Identity.builder("Root").principalId(account.id()).arn(account.rootArn())
                .accountId(account.id());
        if (failed) {
            b.accessKeyId("");
        }
        return b.build();
    }

    /** The root user working in the console after signing in. */
    public Identity rootSession(Account account, long t, boolean mfa) {
        long h = session(Seeds.label("root"), account.index(), t);
        return Identity.builder("Root").principalId(account.id()).arn(account.rootArn()).accountId(account.id())
                .accessKeyId(key("ASIA", h)).session(creation(t, h), mfa).build();
    }

    /** Any named role session in an account, e.g. OrganizationAccountAccessRole assumed by an administrator. */
    public Identity assumedRole(Account account, String roleName, String sessionName, long t, boolean mfa) {
        long h = session(Seeds.label(roleName + "/" + sessionName), account.index(), t);
        return role(account, roleName, org.roleId(account, roleName), sessionName, h, t, mfa).build();
    }

    private Identity.Builder role(Account account, String roleName, String roleId, String sessionName, long h, long t,
                                  boolean mfa) {
        return Identity.builder("AssumedRole")
                .principalId(roleId + ":" + sessionName)
                .arn("arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + sessionName)
                .accountId(account.id())
                .accessKeyId(key("ASIA", h))
                .sessionIssuer(new Identity.SessionIssuer("Role", roleId, "arn:aws:iam::" + account.id() + ":role/"
                        + roleName, account.id(), roleName))
                .session(creation(t, h), mfa);
    }

    private static Identity.Builder iamUser(Account account, String name, String userId) {
        return Identity.builder("IAMUser").principalId(userId).arn("arn:aws:iam::" + account.id() + ":user/" + name)
                .accountId(account.id()).userName(name);
    }

    private static String githubProvider(Account account) {
        return "arn:aws:iam::" + account.id() + ":oidc-provider/token.actions.githubusercontent.com";
    }

    private long session(long who, long where, long t) {
        return Seeds.derive(seed, SESSION, who, where, Math.floorDiv(t, 3600));
    }

    /** Sessions start up to 30 minutes before the hour the call falls in, so never after the call. */
    private static long creation(long t, long h) {
        return Math.floorDiv(t, 3600) * 3600 - Math.floorMod(h, 1800);
    }

    /** A 20-character access key id ({@code AKIA}/{@code ASIA} + 16 base-32 characters). */
    private static String key(String prefix, long h) {
        char[] c = new char[16];
        long x = h;
        for (int i = 0; i < 16; i++) {
            if (i == 12) {
                x = Seeds.mix(h);
            }
            c[i] = KEY_CHARS[(int) (x & 31)];
            x >>>= 5;
        }
        return prefix + new String(c);
    }
}
