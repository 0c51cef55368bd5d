package io.trailwatch.alert.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** DNS as the test wants it: names map to addresses, anything else does not resolve. */
    private static final HostResolver DNS = host -> {
        Map<String, List<String>> names = Map.of(
                "internal.example", List.of("10.0.0.1"),
                "hooks.example", List.of("93.184.216.34"),
                "mixed.example", List.of("93.184.216.34", "192.168.1.10"),
                "metadata.google.internal", List.of("169.254.169.254"));
        List<String> answer = names.get(host);
        if (answer == null) {
            if (host.matches("[0-9a-fA-F:.]+")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : answer) {
            addresses.add(InetAddress.getByName(a));
        }
        return addresses;
    };

    private final SsrfGuard strict = new SsrfGuard(List.of(), true, DNS);

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadataWithAReason() {
        refused("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address");
        refused("http://[::1]/hook", "is a loopback address");
        refused("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is the cloud metadata service");
        refused("http://[fd00:ec2::254]/latest/meta-data/", "the cloud metadata service");
        refused("https://metadata.google.internal/computeMetadata/v1/",
                "metadata.google.internal resolves to 169.254.169.254, the cloud metadata service");
        refused("https://internal.example/hook", "internal.example resolves to 10.0.0.1, a private address");
        refused("http://172.16.5.4/", "a private address");
        refused("http://192.168.0.1/", "a private address");
        refused("http://169.254.10.10/", "a link-local address");
        refused("http://[fe80::1]/", "a link-local address");
        refused("http://[fc00::1]/", "a private (unique local) address");
        refused("http://100.64.0.1/", "carrier-grade NAT");
        refused("http://0.0.0.0/", "the unspecified (this-network) range");
        refused("http://224.0.0.1/", "a multicast address");
        refused("http://255.255.255.255/", "a reserved or broadcast address");
    }

    @Test
    void seesThroughIpv4EmbeddedInIpv6() {
        refused("http://[::ffff:127.0.0.1]/", "a loopback address");
        refused("http://[::ffff:a9fe:a9fe]/", "the cloud metadata service");
        refused("http://[64:ff9b::a9fe:a9fe]/", "the cloud metadata service (embedded in the IPv6 address");
        refused("http://[2002:0a00:0001::1]/", "a private address (embedded in the IPv6 address");
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsInternal() {
        refused("https://mixed.example/hook", "mixed.example resolves to 192.168.1.10, a private address");
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        assertThat(strict.check(URI.create("https://hooks.example/services/T/B/X")))
                .extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
        assertThat(strict.check(URI.create("https://[2606:4700:4700::1111]/"))).hasSize(1);
    }

    @Test
    void allowedRangesOpenExactlyWhatTheyCover() throws Exception {
        SsrfGuard guard = new SsrfGuard(List.of("10.0.0.0/8", "127.0.0.1/32"), true, DNS);
        assertThat(guard.check(URI.create("https://internal.example/hook"))).hasSize(1);
        assertThat(guard.check(URI.create("http://127.0.0.1:9/hook"))).hasSize(1);
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.2/hook")))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> guard.check(URI.create("http://169.254.169.254/")))
                .hasMessageContaining("the cloud metadata service");
    }

    @Test
    void refusesOtherSchemesPlainHttpUnlessAllowedCredentialsAndUnknownHosts() {
        SsrfGuard httpsOnly = new SsrfGuard(List.of(), false, DNS);
        assertThatThrownBy(() -> httpsOnly.check(URI.create("http://hooks.example/x")))
                .hasMessageContaining("only https URLs are allowed").hasMessageContaining("trailwatch.alert.allow-http");
        refused("file:///etc/passwd", "not an absolute URL with a host name");
        refused("gopher://hooks.example/x", "only https URLs are allowed");
        refused("https://user:secret@hooks.example/x", "the URL contains credentials");
        refused("https://nowhere.example/x", "host nowhere.example does not resolve");
    }

    @Test
    void messagesNeverShowThePathOrQuery() {
        assertThatThrownBy(() -> strict.check(URI.create("https://internal.example/services/SECRET?token=SECRET")))
                .message().doesNotContain("SECRET").contains("https://internal.example");
    }

    @Test
    void aBadAllowedRangeIsAConfigurationError() {
        assertThatThrownBy(() -> new SsrfGuard(List.of("10.0.0.0/33"), true, DNS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trailwatch.alert.allowed-cidrs").hasMessageContaining("prefix length 33");
        assertThatThrownBy(() -> new SsrfGuard(List.of("intranet"), true, DNS))
                .hasMessageContaining("'intranet' is not a CIDR range");
    }

    private void refused(String url, String reason) {
        assertThatThrownBy(() -> strict.check(URI.create(url)))
                .as(url).isInstanceOf(RefusedDestinationException.class).hasMessageContaining(reason);
    }
}
