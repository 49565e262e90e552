package org.aimc.sim.hat;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.nn.DoubleExamples;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;

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

    /**
     * {@code n} examples of {@code features} values in [0, 1) (a fraction {@code zeros} exactly 0), labelled by
     * the argmax of {@code teacher}'s logits.
     */
    static Examples teacherData(Network teacher, int n, double zeros, long seed) {
        UniformRandomProvider r = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        int f = teacher.inputs();
        double[] x = new double[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < zeros ? 0 : r.nextDouble();
        }
        int[] labels = new int[n];
        var ws = teacher.workspace(n);
        teacher.forward(MvmEngine.DIGITAL, x, n, ws);
        for (int i = 0; i < n; i++) {
            labels[i] = Network.argmax(ws.logits(), i * teacher.outputs(), teacher.outputs());
        }
        return new DoubleExamples(x, labels, f, teacher.outputs());
    }

    /** Logits of every example under {@code engine}, [example * classes + class]. */
    static double[] logits(Network net, MvmEngine engine, Examples data, int batch) {
        double[] out = new double[data.size() * net.outputs()];
        var ws = net.workspace(batch);
        double[] x = new double[batch * net.inputs()];
        int[] labels = new int[batch];
        for (int from = 0; from < data.size(); from += batch) {
            int n = Math.min(batch, data.size() - from);
            data.range(from, n, x, labels);
            net.forward(engine, x, n, ws);
            System.arraycopy(ws.logits(), 0, out, from * net.outputs(), n * net.outputs());
        }
        return out;
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
