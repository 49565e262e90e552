package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Input encoding and its converter.
 *
 * @param kind an input-driver kind id ({@code bit-serial}, {@code amplitude}, {@code pwm}, ...)
 * @param bits      input (activation) precision in bits, 1..16
 * @param overrides values of the driver kind's error parameters ({@code dac.<name>}), by name
 */
public record DacSpec(String kind, int bits, SortedMap<String, Double> overrides) implements Serializable {
    public DacSpec {
        Checks.nonBlank("kind", kind);
        Checks.intIn("bits", bits, 1, 16);
        overrides = Collections.unmodifiableSortedMap(new TreeMap<>(overrides == null ? Map.of() : overrides));
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            Checks.finiteIn(e.getKey(), e.getValue(), -Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    /** A driver with its kind's default error parameters. */
    public DacSpec(String kind, int bits) {
        this(kind, bits, new TreeMap<>());
    }

    public DacSpec withKind(String v) {
        return new DacSpec(v, bits, overrides);
    }

    public DacSpec withBits(int v) {
        return new DacSpec(kind, v, overrides);
    }

    public DacSpec withOverride(String name, double value) {
        TreeMap<String, Double> m = new TreeMap<>(overrides);
        m.put(name, value);
        return new DacSpec(kind, bits, m);
    }
}
