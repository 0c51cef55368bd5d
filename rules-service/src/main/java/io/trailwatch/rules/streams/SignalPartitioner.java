package io.trailwatch.rules.streams;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Matches go to the partition of their series id (the producer's own hashing), progress signals to every
 * partition, so every outlier task learns how far every events partition got.
 */
final class SignalPartitioner implements StreamPartitioner<String, OutlierSignal> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, OutlierSignal value, int numPartitions) {
        if (value.isMatch()) {
            int hash = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)));
            return Optional.of(Set.of(hash % numPartitions));
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
