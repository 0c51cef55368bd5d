package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;
import io.trailwatch.simulator.org.Account;
import io.trailwatch.simulator.org.Network;
import io.trailwatch.simulator.org.UserAgents;
import io.trailwatch.simulator.traffic.Calls;

import java.time.Duration;

import static io.trailwatch.simulator.event.Json.arr;
import static io.trailwatch.simulator.event.Json.obj;
import static io.trailwatch.simulator.truth.CisRule.S3_BUCKET_POLICY_CHANGES;

/** The public access block of a bucket is removed and a policy granting everyone read access is put on it. */
final class BucketPolicyPublic extends BaseScenario {

    BucketPolicyPublic() {
        super("s3-bucket-policy-public", "A bucket's public access block is removed and a bucket policy "
                + "allowing s3:GetObject to everyone is put.", Duration.ofMinutes(1), S3_BUCKET_POLICY_CHANGES.id());
    }

    @Override
    public void inject(ScenarioContext ctx) {
        Account account = ctx.productionAccount();
        String region = ctx.homeRegion();
        Network network = ctx.org().network(account, region);
        String bucket = network.buckets().get(2);
        String tool = UserAgents.attackTool(ctx.rng());
        long t = ctx.start();

        CloudTrailEvent unblock = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(),
                tool);
        Calls.bucketCall(unblock, ctx.call(account, region, t), "DeleteBucketPublicAccessBlock", false, bucket,
                "publicAccessBlock");
        ctx.add(unblock);

        t += 5 + ctx.rng().nextInt(15);
        CloudTrailEvent put = ctx.event(t, account, region, ctx.adminSession(account, t), ctx.attackerIp(), tool);
        Calls.bucketCall(put, ctx.call(account, region, t), "PutBucketPolicy", false, bucket, "policy");
        put.requestParameters().set("bucketPolicy", obj("Version", "2012-10-17", "Statement", arr(obj(
                "Sid", "PublicRead", "Effect", "Allow", "Principal", "*", "Action", "s3:GetObject",
                "Resource", "arn:aws:s3:::" + bucket + "/*"))));
        ctx.add(put);
        ctx.summary("bucket " + bucket + " in " + account.id() + " made public by policy");
    }
}
