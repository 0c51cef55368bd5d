package io.trailwatch.rules.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicIpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "81.2.69.160", "1.1.1.1", "117.140.207.172", "100.63.255.255",
        "100.128.0.1", "172.15.255.255", "172.32.0.1", "192.0.3.1", "198.20.0.1", "223.255.255.255",
        "2001:4860:4860::8888", "2a00:1450:4001:81b::200e", "2001:200::1", "::ffff:8.8.8.8"})
    void publicAddressesAreRecognised(String address) {
        assertThat(PublicIpAddresses.parse(address)).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // private, loopback, link-local, CGNAT, "this network"
        "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.10", "127.0.0.1", "169.254.169.254", "100.64.0.1",
        "100.127.255.255", "0.0.0.0",
        // documentation, benchmarking, IETF, 6to4 relay, multicast, reserved, broadcast
        "192.0.2.1", "198.51.100.7", "203.0.113.10", "198.18.0.1", "198.19.255.255", "192.0.0.8", "192.88.99.1",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        // IPv6 special ranges
        "::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "2001:db8::1", "2001:0:4136:e378::1",
        "2002:c000:204::1", "3fff::1", "::ffff:10.0.0.1", "64:ff9b::808:808",
        // not IP addresses at all (CloudTrail writes service names and "AWS Internal"); never resolved
        "ec2.amazonaws.com", "AWS Internal", "localhost", "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4",
        "1.2.3.4 ", "fe80::1%eth0", "1:2:3"})
    void specialAndNonAddressesAreNotLookedUp(String text) {
        assertThat(PublicIpAddresses.parse(text)).as(text).isNull();
    }
}
