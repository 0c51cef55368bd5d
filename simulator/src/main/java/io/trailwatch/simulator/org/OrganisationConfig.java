package io.trailwatch.simulator.org;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shape of the simulated AWS organisation.
 *
 * @param accounts       number of member accounts including the management account (1..500)
 * @param regions        regions the organisation trail records; must include us-east-1, where global events (IAM,
 *                       STS global endpoint, Organizations, console sign-in) are delivered
 * @param principals     identities that act: humans on IAM Identity Center, IAM users, federated users, CI roles and
 *                       application roles (service-linked roles and AWS services come on top, per account)
 * @param organisationId the {@code o-} id used in the S3 layout, or {@code null} to derive one from the seed
 */
public record OrganisationConfig(int accounts, List<String> regions, int principals, String organisationId) {

    public static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "us-west-2");
    public static final String GLOBAL_REGION = "us-east-1";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");

    public OrganisationConfig {
        Objects.requireNonNull(regions, "regions");
        if (accounts < 1 || accounts > 500) {
            throw new IllegalArgumentException("accounts must be between 1 and 500, got " + accounts);
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("regions must name at least one region");
        }
        for (String region : regions) {
            if (region == null || !REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("'" + region + "' is not an AWS region name (expected e.g. eu-west-1)");
            }
        }
        if (new HashSet<>(regions).size() != regions.size()) {
            throw new IllegalArgumentException("regions must not repeat a region: " + regions);
        }
        if (!regions.contains(GLOBAL_REGION)) {
            throw new IllegalArgumentException("regions must include " + GLOBAL_REGION
                    + ": IAM, STS (global endpoint), Organizations and console sign-in events are delivered there; got "
                    + regions);
        }
        if (principals < 10 || principals > 100_000) {
            throw new IllegalArgumentException("principals must be between 10 and 100000, got " + principals);
        }
        if (organisationId != null && !ORG_ID.matcher(organisationId).matches()) {
            throw new IllegalArgumentException("'" + organisationId
                    + "' is not an organisation id (expected o- followed by 10 to 32 lowercase letters or digits)");
        }
        regions = List.copyOf(regions);
    }

    public static OrganisationConfig defaults() {
        return new OrganisationConfig(12, DEFAULT_REGIONS, 200, null);
    }

    public OrganisationConfig withAccounts(int n) {
        return new OrganisationConfig(n, regions, principals, organisationId);
    }

    public OrganisationConfig withRegions(List<String> r) {
        return new OrganisationConfig(accounts, r, principals, organisationId);
    }

    public OrganisationConfig withPrincipals(int n) {
        return new OrganisationConfig(accounts, regions, n, organisationId);
    }

    public OrganisationConfig withOrganisationId(String id) {
        return new OrganisationConfig(accounts, regions, principals, id);
    }
}
