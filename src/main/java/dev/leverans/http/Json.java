package dev.leverans.http;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper: snake_case, unknown fields ignored, nesting bounded against absurd bodies. */
public final class Json {
    public static final int MAX_NESTING_DEPTH = 32;

    private Json() {}

    public static JsonMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                // Requests run on virtual threads, where the default thread-local buffer pool never reuses.
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
