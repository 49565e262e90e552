package org.aimc.sim.spec;

import java.io.Serializable;

/**
 * Input encoding and its converter.
 *
 * @param kind an input-driver kind id ({@code bit-serial}, {@code amplitude}, {@code pwm}, ...)
 * @param bits input (activation) precision in bits, 1..16
 */
public record DacSpec(String kind, int bits) implements Serializable {
    public DacSpec {
        Checks.nonBlank("kind", kind);
        Checks.intIn("bits", bits, 1, 16);
    }

    public DacSpec withKind(String v) {
        return new DacSpec(v, bits);
    }

    public DacSpec withBits(int v) {
        return new DacSpec(kind, v);
    }
}
