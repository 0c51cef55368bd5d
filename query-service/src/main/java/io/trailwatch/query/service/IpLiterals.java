package io.trailwatch.query.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Recognises IP address literals without ever resolving a name: CloudTrail's sourceIPAddress is an IPv4 or IPv6
 * address or a service host name ({@code ec2.amazonaws.com}, {@code AWS Internal}), and only addresses go into the
 * {@code inet} column.
 */
public final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    /** The canonical text of {@code text} when it is an IP address literal; null otherwise. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            return text;
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            try {
                // A literal made of hex digits, colons and dots is parsed, never looked up.
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** An address block {@code address/prefix}, or null when {@code text} is not one. */
    public static String cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String address = canonical(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (address == null || !prefix.matches("\\d{1,3}")) {
            return null;
        }
        int bits = Integer.parseInt(prefix);
        int max = address.indexOf(':') >= 0 ? 128 : 32;
        return bits <= max ? address + "/" + bits : null;
    }
}
