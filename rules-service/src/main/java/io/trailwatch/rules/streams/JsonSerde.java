package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde for the contract records, with the service's ObjectMapper (ISO-8601 times). */
final class JsonSerde {

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type, ObjectMapper mapper) {
        Serializer<T> serializer = (topic, value) -> {
            try {
                return value == null ? null : mapper.writeValueAsBytes(value);
            } catch (Exception e) {
                throw new SerializationException("cannot serialize " + type.getSimpleName(), e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            try {
                return bytes == null ? null : mapper.readValue(bytes, type);
            } catch (Exception e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** Writes any contract record (Finding, Rejection, SeriesPoint); reads back a JSON tree. */
    static Serde<Object> any(ObjectMapper mapper) {
        Serializer<Object> serializer = (topic, value) -> {
            try {
                return value == null ? null : mapper.writeValueAsBytes(value);
            } catch (Exception e) {
                throw new SerializationException("cannot serialize " + value.getClass().getSimpleName(), e);
            }
        };
        Deserializer<Object> deserializer = (topic, bytes) -> {
            try {
                return bytes == null ? null : mapper.readTree(bytes);
            } catch (Exception e) {
                throw new SerializationException("cannot read JSON from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
