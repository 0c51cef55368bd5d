package io.trailwatch.query.service;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.repository.UserAgents;
import java.util.List;

/** The event search terms that need interpreting, read the same way by the events API and the events pages. */
public final class EventSearchTerms {

    private EventSearchTerms() {
    }

    /**
     * A sourceIPAddress term: exactly one of an address, an address block (CIDR) or a service host name such as
     * {@code ec2.amazonaws.com}; all null when there is no term.
     */
    public record Source(String address, String network, String host) {

        /** @throws ApiException (400) for a {@code /} term that is not an address block */
        public static Source parse(String source) {
            if (source == null) {
                return new Source(null, null, null);
            }
            if (source.indexOf('/') >= 0) {
                String network = IpLiterals.cidr(source);
                if (network == null) {
                    throw ApiException.badRequest("'sourceIPAddress' " + source + " is not an address block such as "
                            + "203.0.113.0/24 or 2001:db8::/32");
                }
                return new Source(null, network, null);
            }
            String address = IpLiterals.canonical(source);
            return new Source(address, null, address == null ? source : null);
        }
    }

    /**
     * The ids of the stored user agents containing {@code text}; null (any) without a text.
     *
     * @throws ApiException (400) when the text is so short that it matches too many user agents to search by
     */
    public static List<Long> userAgentIds(UserAgents agents, String text) {
        if (text == null) {
            return null;
        }
        List<Long> ids = agents.matching(text);
        if (ids.size() > UserAgents.MAX_MATCHES) {
            throw ApiException.badRequest("'userAgent' '" + text + "' matches more than " + UserAgents.MAX_MATCHES
                    + " distinct user agents: search for a longer text");
        }
        return ids;
    }
}
