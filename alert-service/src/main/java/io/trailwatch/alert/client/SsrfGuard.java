package io.trailwatch.alert.client;

import io.trailwatch.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps notifications away from internal services: only http(s) URLs without credentials; every address a host
 * resolves to must be public (not loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
 * reserved or a cloud metadata address, also when embedded in IPv6) unless it lies in an allowed CIDR range. The
 * HTTP client connects only to the addresses vetted here, so a DNS answer cannot change between check and connect.
 */
@ApplicationScoped
public class SsrfGuard {

    private static final String ADVICE = "Trailwatch does not send notifications to loopback, private, link-local or "
            + "cloud metadata addresses; an administrator can allow a range with trailwatch.alert.allowed-cidrs";

    private final HostResolver resolver;
    private final List<IpRange> allowed;
    private final boolean allowHttp;

    @Inject
    public SsrfGuard(AlertConfig config, HostResolver resolver) {
        this(config.allowedCidrs().orElse(List.of()), config.allowHttp(), resolver);
    }

    public SsrfGuard(List<String> allowedCidrs, boolean allowHttp, HostResolver resolver) {
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        this.allowed = allowedCidrs.stream()
                .filter(c -> !c.isBlank())
                .map(c -> {
                    try {
                        return IpRange.parse(c);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("trailwatch.alert.allowed-cidrs: " + e.getMessage(), e);
                    }
                })
                .toList();
    }

    /** Checks the URL's form and every address its host resolves to; returns the vetted addresses. */
    public List<InetAddress> check(URI uri) throws RefusedDestinationException {
        checkForm(uri);
        return vet(uri.getHost(), origin(uri));
    }

    /** Checks scheme, host and credentials without resolving. */
    public void checkForm(URI uri) throws RefusedDestinationException {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedDestinationException("refused " + uri + ": not an absolute URL with a host name");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw new RefusedDestinationException("refused " + origin(uri) + ": only https URLs are allowed"
                    + (scheme.equals("http") ? " (an administrator can allow http with trailwatch.alert.allow-http=true)"
                    : ""));
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedDestinationException("refused " + origin(uri) + ": the URL contains credentials; use the "
                    + "channel's secret settings instead");
        }
    }

    /** Resolves {@code host} and refuses it unless every address is allowed. */
    public List<InetAddress> vet(String host, String what) throws RefusedDestinationException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (RefusedDestinationException e) {
            throw e;
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException("cannot send to " + what + ": host " + name + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new RefusedDestinationException("cannot send to " + what + ": host " + name + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String restriction = restriction(address);
            if (restriction != null && !isAllowed(address)) {
                boolean literal = name.contains(":") || name.matches("\\d+(\\.\\d+){0,3}");
                String subject = literal ? name + " is " : name + " resolves to " + address.getHostAddress() + ", ";
                throw new RefusedDestinationException("refused " + what + ": " + subject + restriction + ". " + ADVICE);
            }
        }
        return addresses;
    }

    private boolean isAllowed(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        return allowed.stream().anyMatch(r -> r.contains(address) || (embedded != null && r.contains(embedded)));
    }

    /** Why {@code address} is internal, or null when it is a public address. */
    static String restriction(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            String inner = restriction(embedded);
            return inner == null ? null : inner + " (embedded in the IPv6 address " + address.getHostAddress() + ")";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isEc2MetadataV6(b)) {
                return "the cloud metadata service";
            }
            if (address.isLoopbackAddress()) {
                return "a loopback address";
            }
            if (address.isAnyLocalAddress()) {
                return "the unspecified address";
            }
            if (address.isLinkLocalAddress()) {
                return "a link-local address";
            }
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return "a private (unique local) address";
            }
            if (address.isMulticastAddress()) {
                return "a multicast address";
            }
            return null;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 169 && second == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
            return "the cloud metadata service";
        }
        if (first == 0) {
            return "the unspecified (this-network) range";
        }
        if (first == 127) {
            return "a loopback address";
        }
        if (first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
            return "a private address";
        }
        if (first == 169 && second == 254) {
            return "a link-local address";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "a carrier-grade NAT (shared) address";
        }
        if ((first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second & 0xfe) == 18)) {
            return "a reserved address";
        }
        if (first >= 224) {
            return first < 240 ? "a multicast address" : "a reserved or broadcast address";
        }
        return null;
    }

    /** The IPv4 address inside IPv4-mapped, IPv4-compatible, NAT64 and 6to4 IPv6 addresses; null otherwise. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean zeros80 = allZero(b, 0, 10);
        if (zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return v4(b, 12);
        }
        if (zeros80 && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            return v4(b, 12);
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            return v4(b, 12);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return v4(b, 2);
        }
        return null;
    }

    private static boolean isEc2MetadataV6(byte[] b) {
        // fd00:ec2::254
        return (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
                && allZero(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int offset) {
        try {
            return Inet4Address.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** scheme://host:port of a URL: what error messages may show (paths and queries can hold credentials). */
    public static String origin(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return "an invalid URL";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}
