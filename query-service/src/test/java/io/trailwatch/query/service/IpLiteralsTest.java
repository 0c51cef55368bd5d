package io.trailwatch.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void recognisesAddressesWithoutResolvingNames() {
        assertThat(IpLiterals.canonical("203.0.113.10")).isEqualTo("203.0.113.10");
        assertThat(IpLiterals.canonical("2001:DB8:0::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(IpLiterals.canonical("::ffff:10.0.0.1")).isNotNull();
        assertThat(IpLiterals.canonical("ec2.amazonaws.com")).isNull();
        assertThat(IpLiterals.canonical("AWS Internal")).isNull();
        assertThat(IpLiterals.canonical("256.1.1.1")).isNull();
        assertThat(IpLiterals.canonical("01.2.3.4")).isNull();
        assertThat(IpLiterals.canonical("localhost")).isNull();
        assertThat(IpLiterals.canonical("fe80::1%eth0")).isNull();
        assertThat(IpLiterals.canonical(null)).isNull();
    }

    @Test
    void recognisesAddressBlocks() {
        assertThat(IpLiterals.cidr("10.0.0.0/8")).isEqualTo("10.0.0.0/8");
        assertThat(IpLiterals.cidr("2001:db8::/32")).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        assertThat(IpLiterals.cidr("10.0.0.0/33")).isNull();
        assertThat(IpLiterals.cidr("10.0.0.0/")).isNull();
        assertThat(IpLiterals.cidr("host/8")).isNull();
        assertThat(IpLiterals.cidr("10.0.0.1")).isNull();
    }
}
