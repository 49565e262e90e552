package org.aimc.sim.hw;

import org.aimc.sim.TestSpecs;
import org.aimc.sim.nn.DoubleExamples;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.space.SweepPlan;
import org.apache.commons.rng.UniformRandomProvider;

/** Small networks, data and design points for the hardware-mapped inference tests (and the HAT tests). */
public final class HwTesting {
    private HwTesting() {
    }

    /** The first point of a sweep with this base block (two-space indented) and optional axes. */
    static SweepPlan plan(String base, String axes) {
        return TestSpecs.plan(base, axes.isEmpty() ? "  operating.node_nm: [22]" : axes);
    }

    static HardwarePoint point(String base) {
        return HardwarePoint.of(plan(base, ""), 0);
    }

    /**
     * {@code n} examples of {@code features} values in [0, 1) (a fraction {@code zeros} exactly 0), labelled
     * by the argmax of {@code teacher}'s floating-point logits (so the teacher scores 1.0).
     */
    public static Examples teacherData(Network teacher, int n, double zeros, long seed) {
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

    /** Logits of every example of {@code data} under {@code engine}, [example * classes + class]. */
    public static double[] logits(Network net, MvmEngine engine, Examples data, int batch) {
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
}
