package org.aimc.sim.domain;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The identity of one simulated chip: the sweep seed, the design point and the chip instance. Static draws
 * (programming, drift exponents, stuck-at map, circuit mismatch) are keyed by it; temporal noise is keyed by
 * it and an evaluation number, so a chip's behaviour is a pure function of what is simulated.
 *
 * @param instance chip instance, 0..2^31 - 1
 */
public record ChipKey(long seed, long pointIndex, long instance) implements java.io.Serializable {
    /** Evaluations a chip can be keyed with: the evaluation number occupies the low 32 bits of the sub-key. */
    public static final long EVALUATIONS = 1L << 32;

    public ChipKey {
        if (instance < 0 || instance > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("instance must be in [0, " + Integer.MAX_VALUE + "], got " + instance);
        }
    }

    /** The stream of a static purpose of this chip. */
    public UniformRandomProvider stream(Purpose p) {
        return KeyedRandom.stream(seed, pointIndex, p, instance);
    }

    /** The stream of a temporal purpose for evaluation number {@code evaluation} of this chip. */
    public UniformRandomProvider stream(Purpose p, long evaluation) {
        if (evaluation < 0 || evaluation >= EVALUATIONS) {
            throw new IllegalArgumentException("evaluation must be in [0, 2^32), got " + evaluation);
        }
        return KeyedRandom.stream(seed, pointIndex, p, (instance << 32) | evaluation);
    }
}
