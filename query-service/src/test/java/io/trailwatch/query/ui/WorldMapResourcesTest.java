package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's world map (world-atlas countries-110m, ISO 3166-1 numeric ids) and the table that maps those ids
 * to the alpha-2 codes findings carry as their country.
 */
class WorldMapResourcesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = WorldMapResourcesTest.class.getResourceAsStream("/META-INF/resources/ui/geo/" + name)) {
            assertThat(in).as(name).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void everyCountryOfTheMapHasAnAlpha2Code() throws IOException {
        JsonNode codes = resource("iso-numeric-alpha2.json");
        JsonNode geometries = resource("countries-110m.json").get("objects").get("countries").get("geometries");
        List<String> unmapped = new ArrayList<>();
        int withId = 0;
        for (JsonNode geometry : geometries) {
            if (geometry.hasNonNull("id")) {
                withId++;
                JsonNode code = codes.get(geometry.get("id").asText());
                if (code == null || !code.asText().matches("[A-Z]{2}")) {
                    unmapped.add(geometry.get("id").asText() + " " + geometry.get("properties").get("name"));
                }
            }
        }
        assertThat(withId).isGreaterThan(170);
        assertThat(unmapped).isEmpty();
    }

    @Test
    void theTableHoldsIso3166NumericToAlpha2() throws IOException {
        JsonNode codes = resource("iso-numeric-alpha2.json");
        assertThat(codes.get("840").asText()).isEqualTo("US");
        assertThat(codes.get("826").asText()).isEqualTo("GB");
        assertThat(codes.get("528").asText()).isEqualTo("NL");
        assertThat(codes.get("276").asText()).isEqualTo("DE");
        assertThat(codes.get("004").asText()).isEqualTo("AF");
        assertThat(codes.get("156").asText()).isEqualTo("CN");
        Set<String> alpha2 = new HashSet<>();
        codes.fields().forEachRemaining(e -> {
            assertThat(e.getKey()).matches("\\d{3}");
            alpha2.add(e.getValue().asText());
        });
        assertThat(alpha2).hasSize(codes.size()).hasSizeGreaterThanOrEqualTo(249);
    }
}
