package io.trailwatch.simulator.event;

/**
 * The {@code userIdentity} block of a record. Null fields are not written, as in CloudTrail.
 *
 * <p>{@code creationDate} is the session start in epoch seconds, or -1 when the identity has no session context.
 */
public final class Identity {

    /** {@code sessionContext.sessionIssuer}. */
    public record SessionIssuer(String type, String principalId, String arn, String accountId, String userName) {
    }

    private final String type;
    private final String principalId;
    private final String arn;
    private final String accountId;
    private final String accessKeyId;
    private final String userName;
    private final String invokedBy;
    private final SessionIssuer sessionIssuer;
    private final String webIdFederatedProvider;
    private final long creationDate;
    private final String mfaAuthenticated;
    private final String ec2RoleDelivery;
    private final String onBehalfOfUserId;
    private final String identityStoreArn;
    private final String credentialId;
    private final String identityProvider;

    private Identity(Builder b) {
        this.type = b.type;
        this.principalId = b.principalId;
        this.arn = b.arn;
        this.accountId = b.accountId;
        this.accessKeyId = b.accessKeyId;
        this.userName = b.userName;
        this.invokedBy = b.invokedBy;
        this.sessionIssuer = b.sessionIssuer;
        this.webIdFederatedProvider = b.webIdFederatedProvider;
        this.creationDate = b.creationDate;
        this.mfaAuthenticated = b.mfaAuthenticated;
        this.ec2RoleDelivery = b.ec2RoleDelivery;
        this.onBehalfOfUserId = b.onBehalfOfUserId;
        this.identityStoreArn = b.identityStoreArn;
        this.credentialId = b.credentialId;
        this.identityProvider = b.identityProvider;
    }

    public static Builder builder(String type) {
        return new Builder(type);
    }

    public String type() {
        return type;
    }

    public String principalId() {
        return principalId;
    }

    public String arn() {
        return arn;
    }

    public String accountId() {
        return accountId;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String userName() {
        return userName;
    }

    public String invokedBy() {
        return invokedBy;
    }

    public SessionIssuer sessionIssuer() {
        return sessionIssuer;
    }

    public String webIdFederatedProvider() {
        return webIdFederatedProvider;
    }

    public long creationDate() {
        return creationDate;
    }

    public boolean hasSessionContext() {
        return creationDate >= 0;
    }

    public String mfaAuthenticated() {
        return mfaAuthenticated;
    }

    public String ec2RoleDelivery() {
        return ec2RoleDelivery;
    }

    public String onBehalfOfUserId() {
        return onBehalfOfUserId;
    }

    public String identityStoreArn() {
        return identityStoreArn;
    }

    public String credentialId() {
        return credentialId;
    }

    public String identityProvider() {
        return identityProvider;
    }

    /** Fluent builder; {@code type} may be null for the identity of AWS-internal service events. */
    public static final class Builder {
        private final String type;
        private String principalId;
        private String arn;
        private String accountId;
        private String accessKeyId;
        private String userName;
        private String invokedBy;
        private SessionIssuer sessionIssuer;
        private String webIdFederatedProvider;
        private long creationDate = -1;
        private String mfaAuthenticated;
        private String ec2RoleDelivery;
        private String onBehalfOfUserId;
        private String identityStoreArn;
        private String credentialId;
        private String identityProvider;

        private Builder(String type) {
            this.type = type;
        }

        public Builder principalId(String v) {
            this.principalId = v;
            return this;
        }

        public Builder arn(String v) {
            this.arn = v;
            return this;
        }

        public Builder accountId(String v) {
            this.accountId = v;
            return this;
        }

        public Builder accessKeyId(String v) {
            this.accessKeyId = v;
            return this;
        }

        public Builder userName(String v) {
            this.userName = v;
            return this;
        }

        public Builder invokedBy(String v) {
            this.invokedBy = v;
            return this;
        }

        public Builder sessionIssuer(SessionIssuer v) {
            this.sessionIssuer = v;
            return this;
        }

        public Builder webIdFederatedProvider(String v) {
            this.webIdFederatedProvider = v;
            return this;
        }

        /** Adds {@code sessionContext.attributes}. */
        public Builder session(long creationDateEpochSecond, boolean mfaAuthenticated) {
            this.creationDate = creationDateEpochSecond;
            this.mfaAuthenticated = mfaAuthenticated ? "true" : "false";
            return this;
        }

        public Builder ec2RoleDelivery(String v) {
            this.ec2RoleDelivery = v;
            return this;
        }

        public Builder onBehalfOf(String userId, String storeArn) {
            this.onBehalfOfUserId = userId;
            this.identityStoreArn = storeArn;
            return this;
        }

        public Builder credentialId(String v) {
            this.credentialId = v;
            return this;
        }

        public Builder identityProvider(String v) {
            this.identityProvider = v;
            return this;
        }

        public Identity build() {
            return new Identity(this);
        }
    }
}
