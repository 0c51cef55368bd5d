package io.trailwatch.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.client.RefusedDestinationException;
import io.trailwatch.alert.client.SsrfGuard;
import io.trailwatch.alert.client.StandardWebhookSigner;
import io.trailwatch.alert.client.WebhookPayload;
import io.trailwatch.alert.client.WebhookTemplates;
import io.trailwatch.alert.model.ChannelType;
import io.trailwatch.alert.model.FindingField;
import io.trailwatch.alert.model.ResolvedChannel;
import io.trailwatch.alert.model.SettingSpec;
import io.trailwatch.alert.repository.ChannelEntity;
import io.trailwatch.alert.repository.ChannelRepository;
import io.trailwatch.alert.repository.DeliveryStore;
import io.trailwatch.alert.repository.RouteRepository;
import io.trailwatch.common.rest.ApiException;
import io.trailwatch.contracts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Channels: validation of each type's settings, write-only secrets (encrypted with {@link SecretCipher} or
 * referenced from the environment), and the decrypted view senders use.
 */
@ApplicationScoped
public class ChannelService {

    /** Environment variables a channel may reference: a prefix, so a channel cannot read the service's own secrets. */
    public static final String SECRET_ENV_PREFIX = "TRAILWATCH_SECRET_";
    static final String FROM_ENV = "fromEnv";
    static final String ENCRYPTED = "encrypted";
    private static final Set<String> READ_ONLY = Set.of("secrets", "createdAt", "updatedAt", "createdBy", "updatedBy");
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "host",
            "transfer-encoding", "connection", "webhook-id", "webhook-timestamp", "webhook-signature", "expect",
            "upgrade", "te", "trailer");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+");
    private static final Pattern LABEL = Pattern.compile("\\S{1,255}");

    /** The outcome of a PUT. */
    public record Saved(ObjectNode channel, boolean created) {
    }

    private final ChannelRepository channels;
    private final RouteRepository routes;
    private final DeliveryStore deliveries;
    private final SecretCipher cipher;
    private final SsrfGuard guard;
    private final WebhookTemplates templates;
    private final WebhookPayload payloads;
    private final NotificationFactory notifications;
    private final ObjectMapper mapper;
    private final Config config;
    private final Optional<String> mailFrom;

    public ChannelService(ChannelRepository channels, RouteRepository routes, DeliveryStore deliveries,
                          SecretCipher cipher, SsrfGuard guard, WebhookTemplates templates, WebhookPayload payloads,
                          NotificationFactory notifications, ObjectMapper mapper, Config config,
                          @ConfigProperty(name = "quarkus.mailer.from") Optional<String> mailFrom) {
        this.channels = channels;
        this.routes = routes;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.guard = guard;
        this.templates = templates;
        this.payloads = payloads;
        this.notifications = notifications;
        this.mapper = mapper;
        this.config = config;
        this.mailFrom = mailFrom;
    }

    @Transactional
    public List<ObjectNode> list() {
        return channels.listByName().stream().map(this::view).toList();
    }

    @Transactional
    public ObjectNode get(String name) {
        return view(find(name));
    }

    @Transactional
    public ObjectNode create(JsonNode body, String user) {
        Input.object(body, "channel");
        String name = Input.name("name", Input.text(body, "name", true));
        if (channels.findById(name) != null) {
            throw ApiException.conflict("channel '" + name + "' exists; use PUT /api/v1/channels/" + name
                    + " to change it");
        }
        return save(null, name, body, user);
    }

    @Transactional
    public Saved put(String name, JsonNode body, String user) {
        Input.object(body, "channel");
        Input.name("name", name);
        String inBody = Input.text(body, "name", false);
        if (inBody != null && !inBody.equals(name)) {
            throw Input.bad("'name' in the body ('" + inBody + "') differs from the path ('" + name
                    + "'); channels cannot be renamed");
        }
        ChannelEntity existing = channels.findById(name);
        return new Saved(save(existing, name, body, user), existing == null);
    }

    @Transactional
    public void delete(String name) {
        ChannelEntity entity = find(name);
        List<String> using = routes.usingChannel(name);
        if (!using.isEmpty()) {
            throw ApiException.conflict("channel '" + name + "' is used by route(s) " + String.join(", ", using)
                    + "; remove it from them first");
        }
        channels.delete(entity);
        deliveries.failUndelivered(name, "channel '" + name + "' was deleted", Instant.now());
    }

    ChannelEntity find(String name) {
        ChannelEntity entity = channels.findById(name);
        if (entity == null) {
            throw ApiException.notFound("no channel named '" + name + "'");
        }
        return entity;
    }

    private ObjectNode save(ChannelEntity existing, String name, JsonNode body, String user) {
        ChannelType type;
        try {
            type = ChannelType.fromWire(Input.text(body, "type", true));
        } catch (IllegalArgumentException e) {
            throw Input.bad(e.getMessage());
        }
        Set<String> known = new LinkedHashSet<>(List.of("name", "type"));
        type.settings().forEach(s -> known.add(s.name()));
        Input.onlyKnown(body, type.wireName() + " channel", known, READ_ONLY);

        boolean sameType = existing != null && existing.type.equals(type.wireName());
        ObjectNode storedSecrets = sameType ? (ObjectNode) readTree(existing.secrets) : mapper.createObjectNode();
        ObjectNode settings = mapper.createObjectNode();
        Map<String, String> clearSecrets = new HashMap<>();
        for (SettingSpec spec : type.settings()) {
            JsonNode value = body.get(spec.name());
            if (spec.secret()) {
                applySecret(name, type, spec, body.has(spec.name()), value, storedSecrets, clearSecrets);
            } else if (value == null || value.isNull()) {
                if (spec.required()) {
                    throw Input.bad("'" + spec.name() + "' is required for a " + type.wireName() + " channel: "
                            + spec.description());
                }
                if (spec.defaultValue() != null) {
                    settings.set(spec.name(), spec.defaultValue());
                }
            } else {
                settings.set(spec.name(), checkKind(spec, value));
            }
        }
        validate(name, type, settings, clearSecrets);

        ChannelEntity entity = existing == null ? new ChannelEntity() : existing;
        Instant now = Instant.now();
        if (existing == null) {
            entity.name = name;
            entity.createdAt = now;
            entity.createdBy = user;
        }
        entity.type = type.wireName();
        entity.settings = settings.toString();
        entity.secrets = storedSecrets.toString();
        entity.updatedAt = now;
        entity.updatedBy = user;
        if (existing == null) {
            channels.persist(entity);
        }
        return view(entity);
    }

    private void applySecret(String channel, ChannelType type, SettingSpec spec, boolean present, JsonNode value,
                             ObjectNode stored, Map<String, String> clear) {
        String field = spec.name();
        if (!present) {
            if (spec.required() && !stored.has(field)) {
                throw Input.bad("'" + field + "' is required for a " + type.wireName() + " channel: "
                        + spec.description());
            }
            return;
        }
        if (value == null || value.isNull()) {
            if (spec.required()) {
                throw Input.bad("'" + field + "' is required for a " + type.wireName() + " channel and cannot be removed");
            }
            stored.remove(field);
            return;
        }
        if (value.isObject() && value.size() == 1 && value.has(FROM_ENV)) {
            String variable = value.get(FROM_ENV).asText("");
            if (!variable.startsWith(SECRET_ENV_PREFIX) || variable.length() == SECRET_ENV_PREFIX.length()) {
                throw Input.bad("'" + field + ".fromEnv' must name an environment variable starting with "
                        + SECRET_ENV_PREFIX + ", got '" + variable + "'");
            }
            String secret = config.getOptionalValue(variable, String.class)
                    .orElseThrow(() -> Input.bad("'" + field + ".fromEnv' names " + variable
                            + ", which is not set in alert-service's environment"));
            clear.put(field, checkSecretKind(spec, secret));
            stored.set(field, mapper.createObjectNode().put(FROM_ENV, variable));
            return;
        }
        String plain = spec.kind() == SettingSpec.Kind.STRING_MAP
                ? Input.stringMap(field, value).isEmpty() ? null : value.toString()
                : value.isTextual() ? value.asText() : null;
        if (plain == null || plain.isEmpty()) {
            throw Input.bad("'" + field + "' must be " + (spec.kind() == SettingSpec.Kind.STRING_MAP
                    ? "a non-empty object of string values" : "a non-empty string")
                    + " or {\"fromEnv\": \"" + SECRET_ENV_PREFIX + "...\"}");
        }
        clear.put(field, checkSecretKind(spec, plain));
        if (!cipher.available()) {
            throw Input.bad("cannot store the secret '" + field + "' of channel '" + channel + "': "
                    + SecretCipher.NO_KEY);
        }
        stored.set(field, mapper.createObjectNode().put(ENCRYPTED, cipher.encrypt(plain, context(channel, field))));
    }

    private String checkSecretKind(SettingSpec spec, String value) {
        if (spec.kind() == SettingSpec.Kind.URL) {
            checkKind(spec, mapper.getNodeFactory().textNode(value));
        }
        return value;
    }

    private JsonNode checkKind(SettingSpec spec, JsonNode value) {
        String field = spec.name();
        switch (spec.kind()) {
            case STRING, EMAIL, URL -> {
                if (!value.isTextual() || value.asText().isBlank()) {
                    throw Input.bad("'" + field + "' must be a non-empty string, got " + value);
                }
                if (spec.kind() == SettingSpec.Kind.URL) {
                    url(field, value.asText());
                }
                if (spec.kind() == SettingSpec.Kind.EMAIL) {
                    email(field, value.asText());
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw Input.bad("'" + field + "' must be true or false, got " + value);
                }
            }
            case STRING_LIST -> Input.strings(field, value);
            case EMAIL_LIST -> Input.strings(field, value).forEach(e -> email(field, e));
            case STRING_MAP -> Input.stringMap(field, value);
            case JSON_OBJECT -> {
                if (!value.isObject()) {
                    throw Input.bad("'" + field + "' must be a JSON object, got " + value.getNodeType().name()
                            .toLowerCase(Locale.ROOT));
                }
            }
            case JSON_ARRAY -> {
                if (!value.isArray()) {
                    throw Input.bad("'" + field + "' must be a JSON array, got " + value.getNodeType().name()
                            .toLowerCase(Locale.ROOT));
                }
            }
            default -> throw new IllegalStateException(spec.kind().name());
        }
        return value;
    }

    private void url(String field, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw Input.bad("'" + field + "' is not a URL: " + e.getReason());
        }
        try {
            guard.check(uri);
        } catch (RefusedDestinationException e) {
            throw Input.bad("'" + field + "': " + e.getMessage());
        }
    }

    private static void email(String field, String value) {
        if (!EMAIL.matcher(value).matches()) {
            throw Input.bad("'" + field + "' must hold e-mail addresses such as soc@example.com, got '" + value + "'");
        }
    }

    /** Checks that need several settings or the type's semantics. */
    private void validate(String name, ChannelType type, ObjectNode settings, Map<String, String> secrets) {
        switch (type) {
            case WEBHOOK -> {
                headers("headers", settings.path("headers"));
                if (secrets.containsKey("secretHeaders")) {
                    headers("secretHeaders", readTree(secrets.get("secretHeaders")));
                }
                if (secrets.containsKey("secret")) {
                    try {
                        StandardWebhookSigner.validateSecret(secrets.get("secret"));
                    } catch (IllegalArgumentException e) {
                        throw Input.bad("'secret': " + e.getMessage());
                    }
                }
                JsonNode template = settings.get("template");
                if (template != null && !template.asText().isBlank()) {
                    ResolvedChannel sample = new ResolvedChannel(name, type, settings, Map.of(), Instant.now());
                    try {
                        templates.validate(template.asText(), sample.text("contentType"), payloads.asData(
                                payloads.build(notifications.test(name, Instant.now()), sample.flag("includeEvent"))));
                    } catch (IllegalArgumentException e) {
                        throw Input.bad("'template': " + e.getMessage());
                    }
                }
            }
            case JIRA -> {
                for (JsonNode label : settings.path("labels")) {
                    if (!LABEL.matcher(label.asText()).matches()) {
                        throw Input.bad("'labels': Jira labels cannot contain spaces, got '" + label.asText() + "'");
                    }
                }
                settings.path("priorities").fieldNames().forEachRemaining(severity -> {
                    try {
                        Severity.fromWire(severity);
                    } catch (IllegalArgumentException e) {
                        throw Input.bad("'priorities': " + e.getMessage());
                    }
                });
                settings.path("fieldMapping").fields().forEachRemaining(e -> {
                    try {
                        FindingField.fromWire("fieldMapping." + e.getKey(), e.getValue().asText());
                    } catch (IllegalArgumentException ex) {
                        throw Input.bad(ex.getMessage());
                    }
                });
            }
            case EMAIL -> {
                if (!settings.has("from") && mailFrom.filter(f -> !f.isBlank()).isEmpty()) {
                    throw Input.bad("'from' is required: no default sender is configured (quarkus.mailer.from)");
                }
            }
            default -> {
            }
        }
    }

    private void headers(String field, JsonNode headers) {
        headers.fields().forEachRemaining(e -> {
            if (!HEADER_NAME.matcher(e.getKey()).matches()) {
                throw Input.bad("'" + field + "': '" + e.getKey() + "' is not a valid header name");
            }
            if (RESERVED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                throw Input.bad("'" + field + "': header '" + e.getKey() + "' is set by Trailwatch and cannot be "
                        + "overridden");
            }
            if (e.getValue().asText().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw Input.bad("'" + field + "': the value of header '" + e.getKey() + "' contains a line break");
            }
        });
    }

    /** The API view: settings as stored, secrets only as "set" with their source. */
    ObjectNode view(ChannelEntity entity) {
        ObjectNode view = mapper.createObjectNode();
        view.put("name", entity.name);
        view.put("type", entity.type);
        view.setAll((ObjectNode) readTree(entity.settings));
        ObjectNode secrets = view.putObject("secrets");
        readTree(entity.secrets).fields().forEachRemaining(e -> {
            ObjectNode state = secrets.putObject(e.getKey()).put("set", true);
            if (e.getValue().has(FROM_ENV)) {
                state.put("source", "environment").put("variable", e.getValue().get(FROM_ENV).asText());
            } else {
                state.put("source", "encrypted");
            }
        });
        view.put("createdAt", String.valueOf(entity.createdAt));
        view.put("updatedAt", String.valueOf(entity.updatedAt));
        view.put("createdBy", entity.createdBy);
        view.put("updatedBy", entity.updatedBy);
        return view;
    }

    /** The channel with its secrets in clear, for sending; a secret that cannot be read fails with why. */
    public ResolvedChannel resolve(ChannelEntity entity) {
        ChannelType type = ChannelType.fromWire(entity.type);
        Map<String, String> secrets = new LinkedHashMap<>();
        readTree(entity.secrets).fields().forEachRemaining(e -> {
            JsonNode ref = e.getValue();
            if (ref.has(FROM_ENV)) {
                String variable = ref.get(FROM_ENV).asText();
                secrets.put(e.getKey(), config.getOptionalValue(variable, String.class).orElseThrow(() ->
                        new IllegalStateException("secret '" + e.getKey() + "' of channel '" + entity.name
                                + "' comes from " + variable + ", which is not set in alert-service's environment")));
            } else {
                secrets.put(e.getKey(), cipher.decrypt(ref.path(ENCRYPTED).asText(), context(entity.name, e.getKey())));
            }
        });
        return new ResolvedChannel(entity.name, type, readTree(entity.settings), secrets, entity.updatedAt);
    }

    /** The settings of every channel type, for forms in the UI. */
    public ArrayNode types() {
        ArrayNode list = mapper.createArrayNode();
        for (ChannelType type : ChannelType.values()) {
            ObjectNode t = list.addObject().put("type", type.wireName()).put("description", type.description());
            ArrayNode settings = t.putArray("settings");
            for (SettingSpec spec : type.settings()) {
                ObjectNode s = settings.addObject().put("name", spec.name())
                        .put("kind", spec.kind().name().toLowerCase(Locale.ROOT))
                        .put("required", spec.required()).put("secret", spec.secret())
                        .put("description", spec.description());
                if (spec.defaultValue() != null) {
                    s.set("default", spec.defaultValue());
                }
            }
        }
        return list;
    }

    private static String context(String channel, String field) {
        return "channel '" + channel + "' field '" + field + "'";
    }

    private JsonNode readTree(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
