package io.trailwatch.simulator.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialises records in the field order CloudTrail uses. Not thread-safe: one writer per generator thread.
 */
public final class EventWriter {

    public static final String EVENT_VERSION = "1.11";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);

    /** The record as compact UTF-8 JSON. */
    public byte[] toJson(CloudTrailEvent e) {
        buffer.reset();
        try (JsonGenerator g = mapper.getFactory().createGenerator(buffer)) {
            write(g, e);
        } catch (IOException ex) {
            throw new UncheckedIOException("could not serialise record " + e.eventId(), ex);
        }
        return buffer.toByteArray();
    }

    private void write(JsonGenerator g, CloudTrailEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventVersion", EVENT_VERSION);
        writeIdentity(g, e.identity());
        g.writeStringField("eventTime", TimeText.iso(e.eventTime()));
        g.writeStringField("eventSource", e.eventSource());
        g.writeStringField("eventName", e.eventName());
        g.writeStringField("awsRegion", e.region());
        g.writeStringField("sourceIPAddress", e.sourceIp());
        g.writeStringField("userAgent", e.userAgent());
        optional(g, "errorCode", e.errorCode());
        optional(g, "errorMessage", e.errorMessage());
        tree(g, "requestParameters", e.requestParameters());
        tree(g, "responseElements", e.responseElements());
        if (e.additionalEventData() != null) {
            tree(g, "additionalEventData", e.additionalEventData());
        }
        optional(g, "requestID", e.requestId());
        g.writeStringField("eventID", e.eventId());
        g.writeBooleanField("readOnly", e.readOnly());
        if (e.resources() != null && !e.resources().isEmpty()) {
            g.writeArrayFieldStart("resources");
            for (Resource r : e.resources()) {
                g.writeStartObject();
                g.writeStringField("accountId", r.accountId());
                g.writeStringField("type", r.type());
                g.writeStringField("ARN", r.arn());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("eventType", e.eventType());
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", e.accountId());
        g.writeStringField("eventCategory", "Management");
        if (e.tlsHost() != null) {
            g.writeObjectFieldStart("tlsDetails");
            g.writeStringField("tlsVersion", "TLSv1.3");
            g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
            g.writeStringField("clientProvidedHostHeader", e.tlsHost());
            g.writeEndObject();
        }
        if (e.fromConsole()) {
            g.writeStringField("sessionCredentialFromConsole", "true");
        }
        g.writeEndObject();
    }

    private static void writeIdentity(JsonGenerator g, Identity id) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        optional(g, "type", id.type());
        optional(g, "principalId", id.principalId());
        optional(g, "arn", id.arn());
        optional(g, "accountId", id.accountId());
        optional(g, "accessKeyId", id.accessKeyId());
        optional(g, "userName", id.userName());
        if (id.onBehalfOfUserId() != null) {
            g.writeObjectFieldStart("onBehalfOf");
            g.writeStringField("userId", id.onBehalfOfUserId());
            g.writeStringField("identityStoreArn", id.identityStoreArn());
            g.writeEndObject();
        }
        optional(g, "credentialId", id.credentialId());
        optional(g, "identityProvider", id.identityProvider());
        if (id.hasSessionContext()) {
            g.writeObjectFieldStart("sessionContext");
            g.writeObjectFieldStart("sessionIssuer");
            Identity.SessionIssuer issuer = id.sessionIssuer();
            if (issuer != null) {
                g.writeStringField("type", issuer.type());
                g.writeStringField("principalId", issuer.principalId());
                g.writeStringField("arn", issuer.arn());
                g.writeStringField("accountId", issuer.accountId());
                g.writeStringField("userName", issuer.userName());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("webIdFederationData");
            if (id.webIdFederatedProvider() != null) {
                g.writeStringField("federatedProvider", id.webIdFederatedProvider());
                g.writeObjectFieldStart("attributes");
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("attributes");
            g.writeStringField("creationDate", TimeText.iso(id.creationDate()));
            g.writeStringField("mfaAuthenticated", id.mfaAuthenticated());
            g.writeEndObject();
            optional(g, "ec2RoleDelivery", id.ec2RoleDelivery());
            g.writeEndObject();
        }
        optional(g, "invokedBy", id.invokedBy());
        g.writeEndObject();
    }

    private void tree(JsonGenerator g, String field, ObjectNode node) throws IOException {
        g.writeFieldName(field);
        if (node == null) {
            g.writeNull();
        } else {
            mapper.writeTree(g, node);
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
