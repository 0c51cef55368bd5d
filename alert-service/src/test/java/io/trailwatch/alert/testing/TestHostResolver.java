package io.trailwatch.alert.testing;

import io.trailwatch.alert.client.HostResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Name resolution for tests: names registered here resolve to the given addresses (so a test can have a name
 * resolve to 10.0.0.1, or change its answer between save and send); anything else goes to the system resolver.
 */
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    private static final Map<String, List<InetAddress>> NAMES = new ConcurrentHashMap<>();

    public static void register(String name, String... addresses) {
        try {
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            NAMES.put(name, List.of(resolved));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> registered = NAMES.get(host);
        return registered != null ? registered : List.of(InetAddress.getAllByName(host));
    }
}
