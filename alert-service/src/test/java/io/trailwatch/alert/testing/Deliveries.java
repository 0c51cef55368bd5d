package io.trailwatch.alert.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads the delivery log through the API, as a viewer. */
public final class Deliveries {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Deliveries() {
    }

    public static List<JsonNode> of(String channel) {
        return items(Api.as("viewer").queryParam("channel", channel).queryParam("limit", 500)
                .get("/api/v1/deliveries").then().statusCode(200).extract().asString());
    }

    /** The deliveries that notified {@code findingId} (the finding page's question). */
    public static List<JsonNode> ofFinding(String findingId) {
        return items(Api.as("viewer").queryParam("findingId", findingId)
                .get("/api/v1/deliveries").then().statusCode(200).extract().asString());
    }

    private static List<JsonNode> items(String body) {
        try {
            List<JsonNode> items = new ArrayList<>();
            MAPPER.readTree(body).get("items").forEach(items::add);
            return items;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<JsonNode> of(String channel, String status) {
        return of(channel).stream().filter(d -> d.get("status").asText().equals(status)).toList();
    }

    public static JsonNode detail(long id) {
        String body = Api.as("viewer").get("/api/v1/deliveries/" + id).then().statusCode(200).extract().asString();
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
