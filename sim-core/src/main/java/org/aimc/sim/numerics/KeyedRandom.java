package org.aimc.sim.numerics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.Philox4x64;

/**
 * Counter-based random streams keyed by what is simulated, never by where it runs.
 *
 * <p>A stream is a pure function of (sweep seed, point index, purpose, instance): the same key gives the
 * same numbers on any executor, partition or thread, and distinct keys give independent Philox4x64
 * streams (Salmon et al., "Parallel Random Numbers: As Easy as 1, 2, 3", SC11). The key words are
 * mixed with SplitMix64 so that neighbouring indices do not give correlated keys.
 *
 * <p>Static mismatch (drawn once per chip instance) and temporal noise (fresh per evaluation) use
 * different {@link Purpose} ids, so changing how often one is drawn never shifts the other.
 */
public final class KeyedRandom {
    private KeyedRandom() {
    }

    /**
     * Returns a new independent stream for the given key.
     *
     * @param seed       the sweep seed
     * @param pointIndex index of the design point in the sweep
     * @param purpose    what the numbers are for
     * @param instance   chip instance, evaluation number or other sub-key (0 when unused)
     */
    public static UniformRandomProvider stream(long seed, long pointIndex, Purpose purpose, long instance) {
        long a = mix(seed ^ 0x243F6A8885A308D3L);
        long b = mix(a ^ pointIndex);
        long c = mix(b ^ purpose.id());
        long d = mix(c ^ instance);
        return new Philox4x64(new long[] {c, d, 0L, 0L, 0L, 0L});
    }

    /**
     * A standard normal value that is a pure function of ({@code key}, {@code index}): two SplitMix64
     * outputs of the pair, through the Box-Muller transform. For large static tables drawn lazily (one
     * value per converter code, say) where storing a stream's output would cost more than recomputing it;
     * {@code key} itself comes from a {@link #stream}.
     */
    public static double gaussian(long key, long index) {
        long a = mix(key ^ mix(index));
        long b = mix(a);
        double u1 = ((a >>> 11) + 1) * 0x1.0p-53; // (0, 1]
        double u2 = (b >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014). */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
