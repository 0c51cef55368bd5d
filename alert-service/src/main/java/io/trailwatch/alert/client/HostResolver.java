package io.trailwatch.alert.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution for outbound requests: the one place the SSRF guard and the HTTP client learn addresses from. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
