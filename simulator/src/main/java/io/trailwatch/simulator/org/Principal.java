package io.trailwatch.simulator.org;

import java.util.List;

/**
 * An identity that acts in the organisation.
 *
 * @param name             user name, role name, or (for SSO humans) the e-mail address used as session name
 * @param home             the account the identity lives in (the management account for SSO humans)
 * @param accounts         accounts it acts in
 * @param permissionSets   for SSO humans, the permission set used in each of {@code accounts} (same order);
 *                         empty otherwise
 * @param uniqueId         AIDA… (IAM user), AROA… (role) or the identity-store user id (SSO human)
 * @param country          ISO country of the person or machine, for source addresses
 * @param sourceIp         the address it usually calls from
 * @param browserUserAgent browser user agent for console use, or {@code null}
 * @param toolUserAgent    CLI/SDK/Terraform user agent
 * @param mfaDevice        whether the IAM user (or federation broker) has an MFA device
 * @param consoleAccess    whether the IAM user has a console password
 * @param runtime          for application roles, where they run; {@code null} otherwise
 */
public record Principal(int index, PrincipalKind kind, String name, Account home, List<Account> accounts,
                        List<String> permissionSets, String uniqueId, String country, String sourceIp,
                        String browserUserAgent, String toolUserAgent, boolean mfaDevice, boolean consoleAccess,
                        AppRuntime runtime) {

    public Principal {
        accounts = List.copyOf(accounts);
        permissionSets = List.copyOf(permissionSets);
    }

    public String permissionSetIn(Account account) {
        int i = accounts.indexOf(account);
        return i < 0 ? null : permissionSets.get(i);
    }
}
