package io.trailwatch.rules.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Recognises CloudTrail {@code sourceIPAddress} values that are public IP addresses. The field may also hold an
 * AWS service name ({@code ec2.amazonaws.com}) or {@code AWS Internal}; those, private, loopback, link-local,
 * carrier-grade NAT, documentation, benchmarking, multicast and other special-purpose addresses (IANA registries)
 * have no meaningful location and are never looked up. Never resolves names.
 */
public final class PublicIpAddresses {

    /** IPv4 special-purpose blocks as {address, prefix length}. */
    private static final int[][] IPV4_SPECIAL = {
        {ipv4(0, 0, 0, 0), 8},          // "this network"
        {ipv4(10, 0, 0, 0), 8},         // private
        {ipv4(100, 64, 0, 0), 10},      // carrier-grade NAT
        {ipv4(127, 0, 0, 0), 8},        // loopback
        {ipv4(169, 254, 0, 0), 16},     // link-local
        {ipv4(172, 16, 0, 0), 12},      // private
        {ipv4(192, 0, 0, 0), 24},       // IETF protocol assignments
        {ipv4(192, 0, 2, 0), 24},       // documentation (TEST-NET-1)
        {ipv4(192, 88, 99, 0), 24},     // 6to4 relay anycast
        {ipv4(192, 168, 0, 0), 16},     // private
        {ipv4(198, 18, 0, 0), 15},      // benchmarking
        {ipv4(198, 51, 100, 0), 24},    // documentation (TEST-NET-2)
        {ipv4(203, 0, 113, 0), 24},     // documentation (TEST-NET-3)
        {ipv4(224, 0, 0, 0), 4},        // multicast
        {ipv4(240, 0, 0, 0), 4},        // reserved and broadcast
    };

    private PublicIpAddresses() {
    }

    /** The address when {@code text} is a public IPv4 or IPv6 literal, else null. */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        InetAddress address = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        return address != null && isPublic(address) ? address : null;
    }

    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int value = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            for (int[] block : IPV4_SPECIAL) {
                int mask = -1 << (32 - block[1]);
                if ((value & mask) == block[0]) {
                    return false;
                }
            }
            return true;
        }
        int first = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int second = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        // Only global unicast (2000::/3) is public, less its special blocks.
        if ((first & 0xE000) != 0x2000) {
            return false;
        }
        boolean ietfProtocol = first == 0x2001 && second < 0x0200;        // 2001::/23 (Teredo, benchmarking, ...)
        boolean documentation = (first == 0x2001 && second == 0x0DB8)     // 2001:db8::/32
                || (first == 0x3FFF && second < 0x1000);                   // 3fff::/20
        boolean sixToFour = first == 0x2002;                               // 2002::/16
        return !ietfProtocol && !documentation && !sixToFour;
    }

    /** Strict dotted quad: four decimal numbers 0-255 without leading zeros. */
    private static InetAddress ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                bytes[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 4) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress ipv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!allowed) {
                return null;
            }
        }
        try {
            // A literal with ':' is parsed as IPv6, never resolved; IPv4-mapped forms come back as Inet4Address.
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet6Address || address instanceof Inet4Address ? address : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int ipv4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }
}
