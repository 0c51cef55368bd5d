package io.trailwatch.rules.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.contracts.Finding;
import io.trailwatch.contracts.Rejection;
import io.trailwatch.rules.config.RulesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * events → rule matching → findings (keyed by account) and rejections (keyed by source). Runs with exactly-once
 * processing, and finding ids are deterministic, so a replay never produces a finding twice.
 */
@ApplicationScoped
public class RulesTopology {

    private final EventEvaluator evaluator;
    private final RulesConfig config;
    private final ObjectMapper mapper;

    public RulesTopology(EventEvaluator evaluator, RulesConfig config, ObjectMapper mapper) {
        this.evaluator = evaluator;
        this.config = config;
        this.mapper = mapper;
    }

    @Produces
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, EventEvaluator.Outcome> outcomes = builder
                .stream(config.eventsTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(() -> new EvaluateProcessor(evaluator, config.eventsTopic()));

        outcomes.filter((key, outcome) -> outcome.rejection() != null)
                .map((key, outcome) -> KeyValue.pair(outcome.rejection().source(), outcome.rejection()))
                .to(config.rejectedTopic(), Produced.with(Serdes.String(), JsonSerde.of(Rejection.class, mapper)));

        outcomes.flatMap((key, outcome) -> outcome.findings().stream()
                        .map(f -> KeyValue.pair(f.accountId(), f)).toList())
                .to(config.findingsTopic(), Produced.with(Serdes.String(), JsonSerde.of(Finding.class, mapper)));
        return builder.build();
    }

    /** Evaluates each record; names the record's position in rejections so it can be found again. */
    private static final class EvaluateProcessor implements FixedKeyProcessor<String, byte[], EventEvaluator.Outcome> {
        private final EventEvaluator evaluator;
        private final String topic;
        private FixedKeyProcessorContext<String, EventEvaluator.Outcome> context;

        EvaluateProcessor(EventEvaluator evaluator, String topic) {
            this.evaluator = evaluator;
            this.topic = topic;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, EventEvaluator.Outcome> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            String source = context.recordMetadata()
                    .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
                    .orElse(topic);
            context.forward(record.withValue(evaluator.evaluate(source, record.value())));
        }
    }
}
