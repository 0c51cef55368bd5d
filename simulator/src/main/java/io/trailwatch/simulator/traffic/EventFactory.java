package io.trailwatch.simulator.traffic;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.event.Identity;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.OrganisationConfig;
import io.trailwatch.simulator.random.RandomIds;

import java.util.SplittableRandom;

/** Starts records with the fields every record has and completes them with ids and TLS details. */
public final class EventFactory {

    private EventFactory() {
    }

    public static CloudTrailEvent start(long t, Account account, String region, Identity identity, String sourceIp,
                                        String userAgent) {
        return new CloudTrailEvent().eventTime(t).account(account).region(region).identity(identity)
                .sourceIp(sourceIp).userAgent(userAgent);
    }

    /**
     * Adds {@code eventID}, {@code requestID} (S3's 16-hex style for S3; none for console sign-in and service
     * events) and, for calls that came over the internet rather than from inside AWS, {@code tlsDetails}.
     */
    public static CloudTrailEvent finish(CloudTrailEvent e, SplittableRandom rng) {
        boolean signIn = CloudTrailEvent.CONSOLE_SIGN_IN.equals(e.eventType());
        boolean serviceEvent = CloudTrailEvent.SERVICE_EVENT.equals(e.eventType());
        if (e.requestId() == null && !signIn && !serviceEvent) {
            e.requestId(Calls.S3.equals(e.eventSource()) ? RandomIds.upperHex(rng, 16) : RandomIds.uuid(rng));
        }
        e.eventId(RandomIds.uuid(rng));
        boolean byService = e.identity().invokedBy() != null || "AWSService".equals(e.identity().type());
        if (e.tlsHost() == null && !byService && !serviceEvent) {
            e.tlsHost(signIn ? "signin.aws.amazon.com" : host(e.eventSource(), e.region()));
        }
        return e;
    }

    static String host(String eventSource, String region) {
        String service = eventSource.substring(0, eventSource.indexOf('.'));
        return switch (service) {
            case "iam", "organizations" -> eventSource;
            case "sts" -> OrganisationConfig.GLOBAL_REGION.equals(region) ? eventSource
                    : "sts." + region + ".amazonaws.com";
            case "sso" -> "portal.sso." + region + ".amazonaws.com";
            default -> service + "." + region + ".amazonaws.com";
        };
    }
}
