package io.trailwatch.simulator.org;

import io.trailwatch.simulator.random.RandomIds;
import io.trailwatch.simulator.random.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The resources of one account in one region that API calls refer to: a private workload VPC (no internet gateway),
 * security groups, its route table and network ACL, instances, KMS keys, buckets, functions, secrets.
 */
public final class Network {

    /** A security group and its name. */
    public record SecurityGroup(String id, String name) {
    }

    private static final String[] GROUP_NAMES = {"default", "app-alb", "app-tasks", "bastion", "rds-postgres",
        "lambda-egress", "vpc-endpoints"};
    private static final String[] BUCKET_PURPOSES = {"assets", "artifacts", "exports", "backups"};
    private static final String[] FUNCTIONS = {"image-resize", "invoice-export", "audit-forwarder", "nightly-cleanup"};
    private static final String[] SECRETS = {"db/primary", "api/stripe", "oauth/client", "smtp/relay"};
    private static final String[] PARAMETERS = {"/app/config/feature-flags", "/app/config/endpoints",
        "/app/config/log-level", "/platform/ami/latest"};
    private static final String[] TABLES = {"sessions", "orders", "idempotency-keys"};

    private final Account account;
    private final String region;
    private final String vpcId;
    private final String vpcCidr;
    private final List<SecurityGroup> securityGroups;
    private final String privateRouteTableId;
    private final String networkAclId;
    private final String natPublicIp;
    private final List<String> instanceIds;
    private final List<String> networkInterfaceIds;
    private final List<String> kmsKeyIds;
    private final List<String> buckets;
    private final List<String> functions;
    private final List<String> secrets;
    private final List<String> parameters;
    private final List<String> tables;

    private Network(long seed, Account account, String region, int regionIndex) {
        this.account = account;
        this.region = region;
        SplittableRandom rng = Seeds.random(seed, Seeds.label("network"), account.index(), regionIndex);
        this.vpcId = "vpc-" + RandomIds.hex(rng, 17);
        this.vpcCidr = "10." + (account.index() * 8 + regionIndex) % 256 + ".0.0/16";
        List<SecurityGroup> groups = new ArrayList<>();
        for (String name : GROUP_NAMES) {
            groups.add(new SecurityGroup("sg-" + RandomIds.hex(rng, 17), name));
        }
        this.securityGroups = List.copyOf(groups);
        this.privateRouteTableId = "rtb-" + RandomIds.hex(rng, 17);
        this.networkAclId = "acl-" + RandomIds.hex(rng, 17);
        this.natPublicIp = IpPools.awsRegion(region, rng);
        this.instanceIds = ids(rng, "i-", 6);
        this.networkInterfaceIds = ids(rng, "eni-", 6);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(RandomIds.uuid(rng));
        }
        this.kmsKeyIds = List.copyOf(keys);
        List<String> names = new ArrayList<>();
        for (String purpose : BUCKET_PURPOSES) {
            names.add(account.alias() + "-" + purpose + "-" + region);
        }
        this.buckets = List.copyOf(names);
        List<String> fns = new ArrayList<>();
        for (String fn : FUNCTIONS) {
            fns.add(account.name() + "-" + fn);
        }
        this.functions = List.copyOf(fns);
        List<String> secretNames = new ArrayList<>();
        for (String secret : SECRETS) {
            secretNames.add(account.name() + "/" + secret + "-" + RandomIds.mixedAlnum(rng, 6));
        }
        this.secrets = List.copyOf(secretNames);
        this.parameters = List.of(PARAMETERS);
        this.tables = List.of(TABLES);
    }

    static Network create(long seed, Account account, String region, int regionIndex) {
        return new Network(seed, account, region, regionIndex);
    }

    private static List<String> ids(SplittableRandom rng, String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(prefix + RandomIds.hex(rng, 17));
        }
        return List.copyOf(out);
    }

    public Account account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** The private workload VPC: no internet gateway attached. */
    public String vpcId() {
        return vpcId;
    }

    public String vpcCidr() {
        return vpcCidr;
    }

    public List<SecurityGroup> securityGroups() {
        return securityGroups;
    }

    public String privateRouteTableId() {
        return privateRouteTableId;
    }

    public String networkAclId() {
        return networkAclId;
    }

    /** The public address the account's workloads reach AWS APIs from in this region. */
    public String natPublicIp() {
        return natPublicIp;
    }

    public List<String> instanceIds() {
        return instanceIds;
    }

    public List<String> networkInterfaceIds() {
        return networkInterfaceIds;
    }

    public List<String> kmsKeyIds() {
        return kmsKeyIds;
    }

    public String kmsKeyArn(String keyId) {
        return "arn:aws:kms:" + region + ":" + account.id() + ":key/" + keyId;
    }

    public List<String> buckets() {
        return buckets;
    }

    public List<String> functions() {
        return functions;
    }

    public List<String> secrets() {
        return secrets;
    }

    public String secretArn(String name) {
        return "arn:aws:secretsmanager:" + region + ":" + account.id() + ":secret:" + name;
    }

    public List<String> parameters() {
        return parameters;
    }

    public List<String> tables() {
        return tables;
    }
}
