package org.aimc.sim.hat;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.HwTesting;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;

/** Small networks, data and design points for the hardware-aware training tests. */
final class HatTesting {
    private HatTesting() {
    }

    /** Point 0 of a sweep with this base block (two-space indented). */
    static HardwarePoint point(String base) {
        return HardwarePoint.of(TestSpecs.plan(base, "  operating.node_nm: [22]"), 0);
    }

    /** Every device and circuit knob off, ideal ADC; %s = device, domain block, dac kind, dac bits. */
    static final String IDEAL = """
              array: {rows: 32, cols: 64, wire_ohm: 0.35}
              mapping: {weight_bits: 4, bits_per_cell: 3, signed: differential}
              dac: {kind: %3$s, bits: %4$s}
              adc: {kind: ideal, bits: 8}
              nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, nonlinearity: 0,
                circuit_mismatch: 0, circuit_noise: 0}
              device: {kind: %1$s}
              domain: {kind: %2$s}
            """;

    static String ideal(String device, String domain, String dac, int bits) {
        return String.format(IDEAL, device, domain, dac, bits);
    }

    /** Teacher-labelled data ({@link HwTesting#teacherData}). */
    static Examples teacherData(Network teacher, int n, double zeros, long seed) {
        return HwTesting.teacherData(teacher, n, zeros, seed);
    }

    /** Logits of every example under an engine ({@link HwTesting#logits}). */
    static double[] logits(Network net, MvmEngine engine, Examples data, int batch) {
        return HwTesting.logits(net, engine, data, batch);
    }

    /** Largest |a - b| over the largest |b|. */
    static double relDiff(double[] a, double[] b) {
        double d = 0;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
            s = Math.max(s, Math.abs(b[i]));
        }
        return d / s;
    }
}
