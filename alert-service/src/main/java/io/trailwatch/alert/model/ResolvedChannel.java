package io.trailwatch.alert.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A channel ready to send: its settings and its secrets in clear. Never logged or serialised: {@link #toString()}
 * leaves the secrets out.
 */
public final class ResolvedChannel {

    private final String name;
    private final ChannelType type;
    private final JsonNode settings;
    private final Map<String, String> secrets;
    private final Instant version;

    public ResolvedChannel(String name, ChannelType type, JsonNode settings, Map<String, String> secrets,
                           Instant version) {
        this.name = name;
        this.type = type;
        this.settings = settings;
        this.secrets = Map.copyOf(secrets);
        this.version = version;
    }

    public String name() {
        return name;
    }

    public ChannelType type() {
        return type;
    }

    public Instant version() {
        return version;
    }

    public JsonNode settings() {
        return settings;
    }

    /** A string setting, its default when unset, or null. */
    public String text(String setting) {
        JsonNode node = settings.get(setting);
        if (node != null && node.isTextual()) {
            return node.asText();
        }
        return type.setting(setting).map(SettingSpec::defaultValue).filter(JsonNode::isTextual)
                .map(JsonNode::asText).orElse(null);
    }

    public URI uri(String setting) {
        String value = type.setting(setting).map(SettingSpec::secret).orElse(false) ? secret(setting) : text(setting);
        return value == null ? null : URI.create(value);
    }

    public boolean flag(String setting) {
        JsonNode node = settings.get(setting);
        if (node != null && node.isBoolean()) {
            return node.asBoolean();
        }
        return type.setting(setting).map(SettingSpec::defaultValue).map(JsonNode::asBoolean).orElse(false);
    }

    public List<String> list(String setting) {
        JsonNode node = settings.get(setting);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    public Map<String, String> map(String setting) {
        JsonNode node = settings.get(setting);
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        }
        return values;
    }

    /** A secret in clear, or null when it is not set. */
    public String secret(String setting) {
        return secrets.get(setting);
    }

    public boolean sendResolved() {
        return flag("sendResolved");
    }

    @Override
    public String toString() {
        return "channel " + name + " (" + type.wireName() + ")";
    }
}
