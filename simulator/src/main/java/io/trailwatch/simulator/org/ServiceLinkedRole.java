package io.trailwatch.simulator.org;

import java.util.List;

/**
 * A service-linked role present in every account: AWS services call APIs through it, so the records carry
 * {@code invokedBy} and the service's DNS name as source address.
 */
public record ServiceLinkedRole(String roleName, String service, String sessionName) {

    public static final List<ServiceLinkedRole> STANDARD = List.of(
            new ServiceLinkedRole("AWSServiceRoleForAutoScaling", "autoscaling.amazonaws.com", "AutoScaling"),
            new ServiceLinkedRole("AWSServiceRoleForConfig", "config.amazonaws.com", "AWSConfig-Describe"),
            new ServiceLinkedRole("AWSServiceRoleForECS", "ecs.amazonaws.com", "ECS"),
            new ServiceLinkedRole("AWSServiceRoleForElasticLoadBalancing", "elasticloadbalancing.amazonaws.com",
                    "ElasticLoadBalancing"),
            new ServiceLinkedRole("AWSServiceRoleForSecurityHub", "securityhub.amazonaws.com", "securityhub"),
            new ServiceLinkedRole("AWSServiceRoleForAmazonGuardDuty", "guardduty.amazonaws.com", "GuardDuty"));

    public String arn(Account account) {
        return "arn:aws:iam::" + account.id() + ":role/aws-service-role/" + service + "/" + roleName;
    }
}
