package io.trailwatch.simulator.org;

/**
 * One AWS account of the organisation.
 *
 * @param index position in the organisation (0 is the management account)
 * @param id    12-digit account id
 * @param name  short name, e.g. {@code prod-payments}
 * @param alias IAM account alias
 */
public record Account(int index, String id, String name, String alias, AccountRole role) {

    public String rootArn() {
        return "arn:aws:iam::" + id + ":root";
    }
}
