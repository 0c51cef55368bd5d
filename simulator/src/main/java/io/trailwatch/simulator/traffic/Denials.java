package io.trailwatch.simulator.traffic;

import io.trailwatch.simulator.event.CloudTrailEvent;

import java.util.Set;

/** Turns a call into an authorisation failure with the error code and message the service really uses. */
public final class Denials {

    private static final Set<String> QUERY_PROTOCOL_SERVICES = Set.of("s3", "iam", "sts", "cloudformation", "rds",
            "monitoring", "autoscaling", "elasticloadbalancing");

    private Denials() {
    }

    /** The code a service reports for a denied call: EC2's {@code Client.UnauthorizedOperation}, etc. */
    public static String code(String eventSource) {
        String service = prefix(eventSource);
        if (service.equals("ec2")) {
            return "Client.UnauthorizedOperation";
        }
        return QUERY_PROTOCOL_SERVICES.contains(service) ? "AccessDenied" : "AccessDeniedException";
    }

    public static void deny(CloudTrailEvent e) {
        String action = action(e.eventSource(), e.eventName());
        String who = e.identity().arn() != null ? e.identity().arn() : "anonymous";
        String code = code(e.eventSource());
        String message = switch (code) {
            case "Client.UnauthorizedOperation" -> "You are not authorized to perform this operation. User: " + who
                    + " is not authorized to perform: " + action + " because no identity-based policy allows the "
                    + action + " action";
            default -> prefix(e.eventSource()).equals("s3") ? "Access Denied"
                    : "User: " + who + " is not authorized to perform: " + action
                    + " because no identity-based policy allows the " + action + " action";
        };
        e.error(code, message);
    }

    /** The IAM action of a call, e.g. {@code lambda:ListFunctions} for {@code ListFunctions20150331}. */
    public static String action(String eventSource, String eventName) {
        String service = prefix(eventSource);
        if (service.equals("monitoring")) {
            service = "cloudwatch";
        }
        String op = eventName.replaceFirst("\\d{8}(v\\d+)?$", "");
        return service + ":" + op;
    }

    private static String prefix(String eventSource) {
        int dot = eventSource.indexOf('.');
        return dot < 0 ? eventSource : eventSource.substring(0, dot);
    }
}
