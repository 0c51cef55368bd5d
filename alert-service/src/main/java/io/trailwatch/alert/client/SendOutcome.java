package io.trailwatch.alert.client;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What one attempt to notify a receiver came to: delivered, worth retrying (network errors, 408, 425, 429, 5xx),
 * or failed for good (other 4xx, redirects, refused URLs, configuration errors).
 *
 * @param retryAfter the receiver's Retry-After, when it sent one
 * @param externalRef the ticket or alert the receiver created or updated (Jira key, ServiceNow number)
 */
public record SendOutcome(Result result, Integer responseCode, String error, Duration retryAfter, String externalRef) {

    public enum Result { DELIVERED, RETRY, FAILED }

    private static final int MAX_DETAIL = 200;

    public static SendOutcome delivered(Integer responseCode, String externalRef) {
        return new SendOutcome(Result.DELIVERED, responseCode, null, null, externalRef);
    }

    public static SendOutcome retry(Integer responseCode, String error, Duration retryAfter) {
        return new SendOutcome(Result.RETRY, responseCode, error, retryAfter, null);
    }

    public static SendOutcome failed(Integer responseCode, String error) {
        return new SendOutcome(Result.FAILED, responseCode, error, null, null);
    }

    public static SendOutcome of(OutboundException e) {
        return e.retryable() ? retry(null, e.getMessage(), null) : failed(null, e.getMessage());
    }

    /** Classifies an answer that is not 2xx; {@code receiver} names who answered, e.g. "PagerDuty". */
    public static SendOutcome ofAnswer(OutboundHttp.Response answer, String receiver) {
        int status = answer.status();
        if (status / 100 == 3) {
            String location = answer.headers().get("location");
            return failed(status, receiver + " answered HTTP " + status + " with a redirect"
                    + (location == null ? "" : " to " + originOf(location))
                    + "; redirects are not followed: configure the final URL");
        }
        String detail = detail(answer);
        String message = receiver + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return retry(status, message, retryAfter(answer.headers().get("retry-after")));
        }
        return failed(status, message);
    }

    public boolean delivered() {
        return result == Result.DELIVERED;
    }

    private static String detail(OutboundHttp.Response answer) {
        return TextSafety.truncate(TextSafety.singleLine(answer.text()).trim(), MAX_DETAIL);
    }

    private static String originOf(String location) {
        try {
            URI uri = URI.create(location.trim());
            return uri.getHost() == null ? "a relative location" : SsrfGuard.origin(uri);
        } catch (IllegalArgumentException e) {
            return "an invalid location";
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unparsable) {
                return null;
            }
        }
    }
}
