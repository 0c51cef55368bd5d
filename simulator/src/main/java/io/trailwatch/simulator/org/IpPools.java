package io.trailwatch.simulator.org;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Public address blocks allocated to access providers in a few countries, AWS regions and CI runners, so source
 * addresses geolocate plausibly. Documentation and private ranges are never used: the platform refuses to geolocate
 * those.
 */
public final class IpPools {

    /** Countries offices and remote staff are in. */
    public static final List<String> STAFF_COUNTRIES = List.of("DE", "GB", "US", "FR", "PL", "ES", "IN");
    /** Countries the attack scenarios come from. */
    public static final List<String> ATTACKER_COUNTRIES = List.of("RU", "CN", "BR", "VN", "NG");

    private static final Map<String, List<String>> COUNTRY_BLOCKS = Map.ofEntries(
            Map.entry("DE", List.of("84.128.0.0/10", "79.192.0.0/10")),
            Map.entry("GB", List.of("86.128.0.0/10")),
            Map.entry("US", List.of("73.0.0.0/8")),
            Map.entry("FR", List.of("90.0.0.0/9")),
            Map.entry("PL", List.of("83.0.0.0/11")),
            Map.entry("ES", List.of("88.0.0.0/11")),
            Map.entry("IN", List.of("117.192.0.0/10")),
            Map.entry("JP", List.of("126.0.0.0/8")),
            Map.entry("RU", List.of("95.24.0.0/13")),
            Map.entry("CN", List.of("117.136.0.0/13")),
            Map.entry("BR", List.of("177.32.0.0/12")),
            Map.entry("VN", List.of("113.160.0.0/11", "14.160.0.0/11")),
            Map.entry("NG", List.of("105.112.0.0/12")));

    private static final Map<String, List<String>> AWS_REGION_BLOCKS = Map.of(
            "us-east-1", List.of("3.208.0.0/12", "54.144.0.0/14"),
            "us-west-2", List.of("34.208.0.0/12", "52.32.0.0/14"),
            "eu-west-1", List.of("34.240.0.0/13", "52.16.0.0/15"),
            "eu-central-1", List.of("3.120.0.0/14", "18.184.0.0/15"));
    private static final List<String> AWS_OTHER = List.of("52.94.0.0/16");
    /** Hosted runners of GitHub Actions run in Azure. */
    private static final List<String> CI_RUNNERS = List.of("20.0.0.0/11");

    private IpPools() {
    }

    public static String inCountry(String country, SplittableRandom rng) {
        List<String> blocks = COUNTRY_BLOCKS.get(country);
        if (blocks == null) {
            throw new IllegalArgumentException("no address block for country " + country);
        }
        return pick(blocks, rng);
    }

    /** A NAT gateway or instance address in the region. */
    public static String awsRegion(String region, SplittableRandom rng) {
        return pick(AWS_REGION_BLOCKS.getOrDefault(region, AWS_OTHER), rng);
    }

    public static String ciRunner(SplittableRandom rng) {
        return pick(CI_RUNNERS, rng);
    }

    private static String pick(List<String> blocks, SplittableRandom rng) {
        String block = blocks.get(rng.nextInt(blocks.size()));
        int slash = block.indexOf('/');
        int base = toInt(block.substring(0, slash));
        int bits = 32 - Integer.parseInt(block.substring(slash + 1));
        long size = 1L << bits;
        int host = (int) (1 + rng.nextLong(size - 2));
        int address = base + host;
        if ((address & 0xFF) == 0 || (address & 0xFF) == 255) {
            address ^= 0x11;
        }
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    private static int toInt(String dotted) {
        String[] p = dotted.split("\\.");
        return (Integer.parseInt(p[0]) << 24) | (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8)
                | Integer.parseInt(p[3]);
    }
}
