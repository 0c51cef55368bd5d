package io.trailwatch.simulator.org;

/** The kinds of identities that act in the organisation. */
public enum PrincipalKind {
    /** A person signing in through IAM Identity Center (SSO with MFA at the identity provider). */
    SSO_HUMAN,
    /** A long-lived IAM user: break-glass admins, legacy service users with access keys, a few console users. */
    IAM_USER,
    /** A session from sts:GetFederationToken, issued by a legacy federation broker (an IAM user). */
    FEDERATED_USER,
    /** A CI/CD role assumed through GitHub Actions OIDC (Terraform, deployments). */
    CI_ROLE,
    /** An application role: EC2 instance profile, Lambda execution role or ECS task role. */
    APP_ROLE
}
