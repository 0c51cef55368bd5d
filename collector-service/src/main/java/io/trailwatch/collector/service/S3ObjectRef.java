package io.trailwatch.collector.service;

/**
 * One S3 object to read.
 *
 * @param size its size in bytes when the notification or listing said, else -1
 */
public record S3ObjectRef(String bucket, String key, long size) {

    /** The source carried on its records and rejections. */
    public String source() {
        return "s3://" + bucket + "/" + key;
    }
}
