package io.trailwatch.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** alert-service's channels, routes, silences and channel types as the alerts page shows them. */
final class AlertConfigViews {

    /** Fields of a channel or route answer that are bookkeeping, not settings one can send back. */
    private static final Set<String> BOOKKEEPING = Set.of("name", "type", "secrets", "createdAt", "updatedAt",
            "createdBy", "updatedBy");

    private AlertConfigViews() {
    }

    /**
     * A channel.
     *
     * @param settings the non-secret settings, on one line
     * @param editJson the non-secret settings, indented, to edit and send back (secrets left out keep their value)
     * @param secrets which secrets are set and where they come from, e.g. {@code routingKey (encrypted)}
     */
    public record ChannelRow(String name, String type, String settings, String editJson, List<String> secrets,
                             Instant updatedAt, String updatedBy) {

        static ChannelRow of(JsonNode c) {
            ObjectNode settings = BackendReply.mapper().createObjectNode();
            c.fields().forEachRemaining(e -> {
                if (!BOOKKEEPING.contains(e.getKey())) {
                    settings.set(e.getKey(), e.getValue());
                }
            });
            List<String> secrets = new ArrayList<>();
            c.path("secrets").fields().forEachRemaining(e -> secrets.add(e.getKey() + " ("
                    + e.getValue().path("source").asText("set")
                    + (e.getValue().hasNonNull("variable") ? " " + e.getValue().get("variable").asText() : "") + ")"));
            return new ChannelRow(DeliveryRow.text(c, "name"), DeliveryRow.text(c, "type"), settings.toString(),
                    PrettyJson.of(settings), secrets, DeliveryRow.instant(c, "updatedAt"),
                    DeliveryRow.text(c, "updatedBy"));
        }
    }

    /** A route; {@code editJson} is the route without its name and bookkeeping, to edit and send back. */
    public record RouteRow(String name, int order, List<String> channels, String match, List<String> groupBy,
                           String groupWait, String groupInterval, String repeatInterval, boolean continueMatching,
                           String editJson, Instant updatedAt, String updatedBy) {

        static RouteRow of(JsonNode r) {
            ObjectNode edit = BackendReply.mapper().createObjectNode();
            r.fields().forEachRemaining(e -> {
                if (!BOOKKEEPING.contains(e.getKey())) {
                    edit.set(e.getKey(), e.getValue());
                }
            });
            return new RouteRow(DeliveryRow.text(r, "name"), r.path("order").asInt(), texts(r.path("channels")),
                    r.path("match").toString(), texts(r.path("groupBy")), DeliveryRow.text(r, "groupWait"),
                    DeliveryRow.text(r, "groupInterval"), DeliveryRow.text(r, "repeatInterval"),
                    r.path("continue").asBoolean(), PrettyJson.of(edit), DeliveryRow.instant(r, "updatedAt"),
                    DeliveryRow.text(r, "updatedBy"));
        }
    }

    /** A silence; {@code matchers} reads like {@code accountId = 111122223333, ruleId =~ cis-.*}. */
    public record SilenceRow(String id, String state, String matchers, Instant startsAt, Instant endsAt,
                             String comment, String createdBy, String expiredBy) {

        static SilenceRow of(JsonNode s) {
            List<String> matchers = new ArrayList<>();
            s.path("matchers").forEach(m -> matchers.add(m.path("field").asText() + " " + m.path("op").asText("=")
                    + " " + m.path("value").asText()));
            return new SilenceRow(DeliveryRow.text(s, "id"), DeliveryRow.text(s, "state"),
                    String.join(", ", matchers), DeliveryRow.instant(s, "startsAt"), DeliveryRow.instant(s, "endsAt"),
                    DeliveryRow.text(s, "comment"), DeliveryRow.text(s, "createdBy"),
                    DeliveryRow.text(s, "expiredBy"));
        }

        /** Pending and active silences can be expired; expired ones stay listed for the record. */
        public boolean expirable() {
            return !"expired".equals(state);
        }
    }

    /** One setting of a channel type, for the reference next to the channel form. */
    public record SettingRow(String name, String kind, boolean required, boolean secret, String description) {
    }

    /** A channel type and its settings. */
    public record ChannelType(String type, String description, List<SettingRow> settings) {

        static ChannelType of(JsonNode t) {
            List<SettingRow> settings = new ArrayList<>();
            t.path("settings").forEach(s -> settings.add(new SettingRow(DeliveryRow.text(s, "name"),
                    DeliveryRow.text(s, "kind"), s.path("required").asBoolean(), s.path("secret").asBoolean(),
                    DeliveryRow.text(s, "description"))));
            return new ChannelType(DeliveryRow.text(t, "type"), DeliveryRow.text(t, "description"), settings);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
