package io.trailwatch.simulator.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every built-in scenario, the brute force first (it runs longest, so it starts first in a round). */
public final class ScenarioLibrary {

    private static final List<Scenario> ALL = List.of(
            new ConsoleBruteForce(),
            new RootAccountUsage(),
            new CloudTrailTampering(),
            new ConfigRecorderStopped(),
            new KmsKeyDeletion(),
            new SecurityGroupOpened(),
            new InternetGatewayAttached(),
            new RouteTableHijack(),
            new NaclOpened(),
            new VpcPeeringUnknownAccount(),
            new BucketPolicyPublic(),
            new CredentialEnumeration(),
            new LeaveOrganization(),
            new IamPrivilegeEscalation());

    private ScenarioLibrary() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    public static Scenario byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'; known scenarios: "
                        + String.join(", ", names())));
    }

    /** Parses {@code all}, {@code none} or a comma-separated list of scenario names; keeps library order. */
    public static List<Scenario> select(String spec) {
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.equals("all")) {
            return ALL;
        }
        if (trimmed.equals("none") || trimmed.isEmpty()) {
            return List.of();
        }
        Set<Scenario> chosen = new LinkedHashSet<>();
        for (String part : trimmed.split(",")) {
            chosen.add(byName(part.trim()));
        }
        List<Scenario> ordered = new ArrayList<>();
        for (Scenario s : ALL) {
            if (chosen.contains(s)) {
                ordered.add(s);
            }
        }
        return List.copyOf(ordered);
    }
}
