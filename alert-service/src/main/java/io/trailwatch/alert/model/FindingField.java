package io.trailwatch.alert.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The finding fields routes group by and silences match on, with where each lives in the Finding JSON. */
public enum FindingField {
    FINDING_ID("findingId", f -> f.path("findingId")),
    RULE_ID("ruleId", f -> f.path("ruleId")),
    TITLE("title", f -> f.path("title")),
    SEVERITY("severity", f -> f.path("severity")),
    CATEGORY("category", f -> f.path("category")),
    ACCOUNT_ID("accountId", f -> f.path("accountId")),
    REGION("region", f -> f.path("region")),
    EVENT_NAME("eventName", f -> f.path("eventName")),
    EVENT_SOURCE("eventSource", f -> f.path("eventSource")),
    PRINCIPAL_TYPE("principalType", f -> f.path("principal").path("type")),
    PRINCIPAL_ARN("principalArn", f -> f.path("principal").path("arn")),
    USER_NAME("userName", f -> f.path("principal").path("userName")),
    SOURCE_IP("sourceIPAddress", f -> f.path("sourceIPAddress")),
    COUNTRY("country", f -> f.path("geo").path("country"));

    private final String wireName;
    private final Function<JsonNode, JsonNode> locate;

    FindingField(String wireName, Function<JsonNode, JsonNode> locate) {
        this.wireName = wireName;
        this.locate = locate;
    }

    public String wireName() {
        return wireName;
    }

    /** The field's value in {@code finding}; an empty string when the finding does not have it. */
    public String valueIn(JsonNode finding) {
        JsonNode node = locate.apply(finding);
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    public static FindingField fromWire(String where, String name) {
        for (FindingField f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + where + "' names unknown finding field '" + name + "'; expected one of "
                + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(FindingField::wireName).collect(Collectors.joining(", "));
    }
}
