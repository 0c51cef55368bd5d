package io.trailwatch.rules.engine.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * A pre-resolved property selector such as {@code $.userIdentity.sessionContext.attributes.mfaAuthenticated}
 * or {@code $.coordinates[0][1]}: the steps are decoded once at compile time, so resolving is a loop of
 * map and array look-ups with no parsing and no allocation.
 */
final class Selector {

    /** Field name per step, or null where the step is an array index. */
    private final String[] names;
    /** Array index per step where {@link #names} is null. */
    private final int[] indexes;
    private final String source;

    Selector(List<Object> steps, String source) {
        this.names = new String[steps.size()];
        this.indexes = new int[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            if (step instanceof String name) {
                names[i] = name;
            } else {
                indexes[i] = (Integer) step;
            }
        }
        this.source = source;
    }

    /**
     * The node the selector points at, or null when any step is missing. A name step on a non-object and an
     * index step on a non-array both yield null (Jackson's {@code get} contract), which is AWS's "indexing a
     * non-array is false".
     */
    JsonNode resolve(JsonNode root) {
        JsonNode node = root;
        for (int i = 0; i < names.length && node != null; i++) {
            String name = names[i];
            node = name != null ? node.get(name) : node.get(indexes[i]);
        }
        return node;
    }

    /** True when this selector is exactly {@code $.<field>}. */
    boolean isTopLevelField(String field) {
        return names.length == 1 && field.equals(names[0]);
    }

    /** Whether both select the same node ({@code $.a[0]} and {@code $.a[0]}, however written). */
    boolean sameAs(Selector other) {
        return Arrays.equals(names, other.names) && Arrays.equals(indexes, other.indexes);
    }

    @Override
    public String toString() {
        return source;
    }
}
