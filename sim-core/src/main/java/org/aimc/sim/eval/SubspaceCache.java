package org.aimc.sim.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.aimc.sim.space.DesignSpace;

/**
 * Memoises a value that depends only on some axes of a design space, keyed by the mixed-radix number of
 * those axes' digits: no spec hashing on the hot path. Not thread-safe.
 *
 * @param <T> the cached value
 */
final class SubspaceCache<T> {
    /** Subspaces up to this many combinations use a flat array; larger ones a hash map. */
    private static final long ARRAY_LIMIT = 1 << 16;

    private final int[] axes;
    private final int[] radix;
    private final Object[] array;
    private final Map<Long, T> map;

    SubspaceCache(DesignSpace space, Predicate<String> dependsOn) {
        List<Integer> a = new ArrayList<>();
        long size = 1;
        for (int i = 0; i < space.axisCount(); i++) {
            if (dependsOn.test(space.axes().get(i).path())) {
                a.add(i);
                size = Math.multiplyExact(size, space.axes().get(i).size());
            }
        }
        this.axes = a.stream().mapToInt(Integer::intValue).toArray();
        this.radix = new int[axes.length];
        for (int k = 0; k < axes.length; k++) {
            radix[k] = space.axes().get(axes[k]).size();
        }
        this.array = size <= ARRAY_LIMIT ? new Object[(int) size] : null;
        this.map = array == null ? new HashMap<>() : null;
    }

    @SuppressWarnings("unchecked")
    T get(int[] digits, Supplier<T> compute) {
        long key = 0;
        for (int k = 0; k < axes.length; k++) {
            key = key * radix[k] + digits[axes[k]];
        }
        if (array != null) {
            Object v = array[(int) key];
            if (v == null) {
                v = compute.get();
                array[(int) key] = v;
            }
            return (T) v;
        }
        T v = map.get(key);
        if (v == null) {
            v = compute.get();
            map.put(key, v);
        }
        return v;
    }
}
