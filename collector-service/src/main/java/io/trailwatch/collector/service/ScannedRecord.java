package io.trailwatch.collector.service;

/**
 * What {@link RecordScanner} found in one record: why it is not well-formed JSON ({@code malformed}, otherwise
 * null), whether it is a JSON object, and its top-level string fields eventID, eventTime, eventType,
 * recipientAccountId and {@code userIdentity.accountId} (null when absent or not a string; when a field repeats,
 * the last one wins, as in a JSON tree).
 */
record ScannedRecord(String malformed, boolean object, String eventID, String eventTime, String eventType,
                     String recipientAccountId, String actingAccountId) {

    static ScannedRecord malformed(String problem) {
        return new ScannedRecord(problem, false, null, null, null, null, null);
    }

    /** Filled while scanning. */
    static final class Builder {
        boolean object;
        String eventID;
        String eventTime;
        String eventType;
        String recipientAccountId;
        String actingAccountId;

        ScannedRecord build() {
            return new ScannedRecord(null, object, eventID, eventTime, eventType, recipientAccountId, actingAccountId);
        }
    }
}
