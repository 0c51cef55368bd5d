package io.trailwatch.alert.client;

import java.net.UnknownHostException;

/**
 * An outbound URL the SSRF guard refuses. It is an {@link UnknownHostException} so the HTTP client's resolver can
 * throw it while connecting; the message says what was refused and why, never the URL's path or query.
 */
public class RefusedDestinationException extends UnknownHostException {

    public RefusedDestinationException(String message) {
        super(message);
    }
}
