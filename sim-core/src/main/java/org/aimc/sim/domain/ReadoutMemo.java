package org.aimc.sim.domain;

import java.util.HashMap;
import java.util.function.Supplier;

/**
 * Memoised intermediate results of the analytic readout (digit distributions, clipping tails, discrete
 * converter averages) shared by the design points one evaluator visits: points that differ only in knobs
 * the readout does not depend on reuse them. Keys are value records or identities of shared statistics
 * objects. Not thread-safe: one per evaluator (per thread), never global; bounded in size.
 */
public final class ReadoutMemo {
    /** Entries kept before the memo starts over. */
    static final int MAX_ENTRIES = 2_000_000;

    private final HashMap<Object, Object> map = new HashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
        Object v = map.get(key);
        if (v == null) {
            if (map.size() >= MAX_ENTRIES) {
                map.clear();
            }
            v = compute.get();
            map.put(key, v);
        }
        return (T) v;
    }
}
