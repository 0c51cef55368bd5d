package io.trailwatch.simulator.delivery;

import io.trailwatch.simulator.event.TimeText;

/** The organisation-trail S3 layout of CloudTrail log files. */
public final class LogKeys {

    private LogKeys() {
    }

    /**
     * {@code AWSLogs/<o-id>/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_
     * <unique>.json.gz}, dated by the delivery time.
     */
    public static String key(String organisationId, String accountId, String region, long deliveryTime,
                             String unique) {
        return "AWSLogs/" + organisationId + "/" + accountId + "/CloudTrail/" + region + "/"
                + TimeText.datePath(deliveryTime) + "/" + accountId + "_CloudTrail_" + region + "_"
                + TimeText.fileStamp(deliveryTime) + "_" + unique + ".json.gz";
    }
}
