package io.trailwatch.simulator.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.simulator.org.Account;

import java.util.List;

/**
 * One CloudTrail record under construction. Fields mirror the record contents (eventVersion 1.11); a null field
 * is not written, except {@code requestParameters} and {@code responseElements}, which CloudTrail writes as
 * {@code null} when empty.
 */
public final class CloudTrailEvent {

    public static final String API_CALL = "AwsApiCall";
    public static final String CONSOLE_SIGN_IN = "AwsConsoleSignIn";
    public static final String SERVICE_EVENT = "AwsServiceEvent";

    private long eventTime;
    private Account account;
    private String region;
    private Identity identity;
    private String eventSource;
    private String eventName;
    private String sourceIp;
    private String userAgent;
    private String errorCode;
    private String errorMessage;
    private ObjectNode requestParameters;
    private ObjectNode responseElements;
    private ObjectNode additionalEventData;
    private String requestId;
    private String eventId;
    private boolean readOnly;
    private List<Resource> resources;
    private String eventType = API_CALL;
    private String tlsHost;
    private boolean fromConsole;
    private Origin origin = Origin.BACKGROUND;
    private String scenarioRunId;
    private boolean punctual;

    /** Epoch second of {@code eventTime}. */
    public long eventTime() {
        return eventTime;
    }

    public CloudTrailEvent eventTime(long epochSecond) {
        this.eventTime = epochSecond;
        return this;
    }

    /** The account whose trail records the event ({@code recipientAccountId}). */
    public Account account() {
        return account;
    }

    public String accountId() {
        return account.id();
    }

    public CloudTrailEvent account(Account v) {
        this.account = v;
        return this;
    }

    public String region() {
        return region;
    }

    public CloudTrailEvent region(String v) {
        this.region = v;
        return this;
    }

    public Identity identity() {
        return identity;
    }

    public CloudTrailEvent identity(Identity v) {
        this.identity = v;
        return this;
    }

    public String eventSource() {
        return eventSource;
    }

    public String eventName() {
        return eventName;
    }

    /** Sets the API: service endpoint, operation and whether it only reads. */
    public CloudTrailEvent api(String source, String name, boolean isReadOnly) {
        this.eventSource = source;
        this.eventName = name;
        this.readOnly = isReadOnly;
        return this;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public CloudTrailEvent sourceIp(String v) {
        this.sourceIp = v;
        return this;
    }

    public String userAgent() {
        return userAgent;
    }

    public CloudTrailEvent userAgent(String v) {
        this.userAgent = v;
        return this;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** Marks the call as failed; CloudTrail then has no response elements. */
    public CloudTrailEvent error(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
        this.responseElements = null;
        return this;
    }

    /** Sets only {@code errorMessage}, as console sign-in failures do. */
    public CloudTrailEvent errorMessageOnly(String message) {
        this.errorCode = null;
        this.errorMessage = message;
        return this;
    }

    public ObjectNode requestParameters() {
        return requestParameters;
    }

    public CloudTrailEvent requestParameters(ObjectNode v) {
        this.requestParameters = v;
        return this;
    }

    public ObjectNode responseElements() {
        return responseElements;
    }

    public CloudTrailEvent responseElements(ObjectNode v) {
        this.responseElements = v;
        return this;
    }

    public ObjectNode additionalEventData() {
        return additionalEventData;
    }

    public CloudTrailEvent additionalEventData(ObjectNode v) {
        this.additionalEventData = v;
        return this;
    }

    public String requestId() {
        return requestId;
    }

    public CloudTrailEvent requestId(String v) {
        this.requestId = v;
        return this;
    }

    public String eventId() {
        return eventId;
    }

    public CloudTrailEvent eventId(String v) {
        this.eventId = v;
        return this;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public CloudTrailEvent readOnly(boolean v) {
        this.readOnly = v;
        return this;
    }

    public List<Resource> resources() {
        return resources;
    }

    public CloudTrailEvent resources(List<Resource> v) {
        this.resources = v;
        return this;
    }

    public String eventType() {
        return eventType;
    }

    public CloudTrailEvent eventType(String v) {
        this.eventType = v;
        return this;
    }

    /** The {@code clientProvidedHostHeader} of {@code tlsDetails}; null for calls made by AWS services. */
    public String tlsHost() {
        return tlsHost;
    }

    public CloudTrailEvent tlsHost(String v) {
        this.tlsHost = v;
        return this;
    }

    public boolean fromConsole() {
        return fromConsole;
    }

    public CloudTrailEvent fromConsole(boolean v) {
        this.fromConsole = v;
        return this;
    }

    public Origin origin() {
        return origin;
    }

    public String scenarioRunId() {
        return scenarioRunId;
    }

    public CloudTrailEvent scenario(String runId) {
        this.origin = Origin.SCENARIO;
        this.scenarioRunId = runId;
        return this;
    }

    /**
     * Whether delivery must not add the rare long delay: scenario records use the ordinary delay only, so a
     * scenario started in the first minutes is on every dashboard panel within 15 minutes.
     */
    public boolean punctual() {
        return punctual;
    }

    public CloudTrailEvent punctual(boolean v) {
        this.punctual = v;
        return this;
    }

    /** A scalar of {@code additionalEventData}, or null. */
    public String additional(String field) {
        if (additionalEventData == null) {
            return null;
        }
        var node = additionalEventData.get(field);
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }
}
