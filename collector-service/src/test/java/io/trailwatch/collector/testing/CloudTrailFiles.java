package io.trailwatch.collector.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** CloudTrail records and log files for tests, shaped like what AWS writes. */
public final class CloudTrailFiles {

    private CloudTrailFiles() {
    }

    /** A read-only API call by an IAM user of {@code account}. */
    public static String record(String eventId, String account, String eventName) {
        return "{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
                + "\"arn\":\"arn:aws:iam::" + account + ":user/alice\",\"accountId\":\"" + account + "\","
                + "\"userName\":\"alice\"},\"eventTime\":\"2026-11-27T10:04:31Z\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\","
                + "\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":null,\"responseElements\":null,"
                + "\"requestID\":\"" + UUID.randomUUID() + "\",\"eventID\":\"" + eventId + "\",\"readOnly\":true,"
                + "\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"" + account + "\","
                + "\"eventCategory\":\"Management\"}";
    }

    /** An Insights record (it has no eventName or userIdentity at the top level). */
    public static String insightRecord(String eventId, String account) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-11-27T10:00:00Z\",\"awsRegion\":\"us-east-1\","
                + "\"eventID\":\"" + eventId + "\",\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\""
                + account + "\",\"sharedEventID\":\"" + UUID.randomUUID() + "\",\"insightDetails\":{\"state\":\"Start\","
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"DeleteUser\",\"insightType\":"
                + "\"ApiCallRateInsight\",\"insightContext\":{\"statistics\":{\"baseline\":{\"average\":0.01},"
                + "\"insight\":{\"average\":2.5}}}},\"eventCategory\":\"Insight\"}";
    }

    public static String file(List<String> records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    public static byte[] gzip(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a gzipped log file of about {@code decompressedBytes} of varied records (random ids, addresses and
     * parameters, so it compresses like real CloudTrail), returning the number of records. Ids are
     * {@code <idPrefix>-<n>}.
     */
    public static int writeLargeFile(OutputStream target, long decompressedBytes, String idPrefix, String account)
            throws IOException {
        SplittableRandom random = new SplittableRandom(idPrefix.hashCode());
        long written = 0;
        int count = 0;
        try (GZIPOutputStream gz = new GZIPOutputStream(target, 65_536) {
            {
                def.setLevel(1);
            }
        }) {
            gz.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(2048);
            while (written < decompressedBytes) {
                sb.setLength(0);
                if (count > 0) {
                    sb.append(',');
                }
                sb.append("{\"eventVersion\":\"1.11\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROA")
                        .append(Long.toHexString(random.nextLong())).append(":ci-").append(random.nextInt(1000))
                        .append("\",\"arn\":\"arn:aws:sts::").append(account).append(":assumed-role/ci-deploy/run-")
                        .append(random.nextInt(100000)).append("\",\"accountId\":\"").append(account)
                        .append("\",\"sessionContext\":{\"attributes\":{\"creationDate\":\"2026-11-27T09:")
                        .append(10 + random.nextInt(50)).append(":00Z\",\"mfaAuthenticated\":\"false\"}}},")
                        .append("\"eventTime\":\"2026-11-27T10:").append(10 + random.nextInt(50)).append(':')
                        .append(10 + random.nextInt(50)).append("Z\",\"eventSource\":\"s3.amazonaws.com\",")
                        .append("\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"10.")
                        .append(random.nextInt(256)).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append("\",\"userAgent\":\"aws-sdk-java/2.")
                        .append(random.nextInt(40)).append(".0 md/io#sync\",\"requestParameters\":{\"bucketName\":")
                        .append("\"artifacts-").append(Long.toHexString(random.nextLong()))
                        .append("\",\"key\":\"builds/").append(Long.toHexString(random.nextLong())).append('/')
                        .append(Long.toHexString(random.nextLong())).append(".tar.gz\"},\"responseElements\":null,")
                        .append("\"additionalEventData\":{\"bytesTransferredOut\":").append(random.nextInt(1 << 24))
                        .append(",\"x-amz-id-2\":\"").append(Long.toHexString(random.nextLong()))
                        .append(Long.toHexString(random.nextLong())).append("\"},\"requestID\":\"")
                        .append(Long.toHexString(random.nextLong())).append("\",\"eventID\":\"").append(idPrefix)
                        .append('-').append(count).append("\",\"readOnly\":true,\"resources\":[{\"type\":")
                        .append("\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::artifacts/")
                        .append(Long.toHexString(random.nextLong())).append("\"}],\"eventType\":\"AwsApiCall\",")
                        .append("\"managementEvent\":false,\"recipientAccountId\":\"").append(account)
                        .append("\",\"eventCategory\":\"Data\"}");
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                gz.write(bytes);
                written += bytes.length;
                count++;
            }
            gz.write("]}".getBytes(StandardCharsets.UTF_8));
        }
        return count;
    }
}
