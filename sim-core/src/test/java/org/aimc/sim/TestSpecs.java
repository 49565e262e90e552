package org.aimc.sim;

import org.aimc.sim.space.SweepPlan;

/** Small sweep specs shared by tests. */
public final class TestSpecs {
    private TestSpecs() {
    }

    /** A spec with {@code base} and {@code axes} YAML blocks (indented by two spaces) on fashion-mlp. */
    public static String spec(String base, String axes) {
        return "name: t\nseed: 1\nworkload: fashion-mlp\nbase:\n" + base + "\naxes:\n" + axes + "\n";
    }

    public static SweepPlan plan(String base, String axes) {
        return SweepPlan.parse(spec(base, axes));
    }

    /** Base block of an ideal point: every device and circuit knob off, ideal ADC, no IR drop. */
    public static final String IDEAL_BASE = """
              device: {kind: rram}
              domain: {kind: current}
              array: {rows: 256, cols: 256}
              adc: {kind: ideal, bits: 8}
              nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, nonlinearity: 0, temperature: 0,
                circuit_mismatch: 0, circuit_noise: 0}
            """;
}
