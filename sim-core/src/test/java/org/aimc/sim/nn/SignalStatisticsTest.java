package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.junit.jupiter.api.Test;

/** The signal correlation factor κ(m) of {@link SignalStatistics} against two closed forms. */
class SignalStatisticsTest {
    @Test
    void coherentProductsGiveKappaEqualToTheBlockRows() {
        // every input of an example equal, every weight +1: a block of m rows sums to m a, so
        // kappa(m) = E[(m a)^2] / (m E[a^2] E[w^2]) = m exactly, and the whole fan-in beyond it
        int in = 64;
        double[] w = new double[in * 2];
        java.util.Arrays.fill(w, 1);
        Network net = new Network(List.of(new DenseLayer(in, 2, w, new double[2])));
        var r = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        double[] x = new double[100 * in];
        for (int e = 0; e < 100; e++) {
            double a = r.nextDouble();
            java.util.Arrays.fill(x, e * in, (e + 1) * in, a);
        }
        WorkloadSignal.Layer l = SignalStatistics.measure(net, new DoubleExamples(x, new int[100], in, 2), 100)
                .layers().get(0);
        assertEquals(1.0, l.weightMeanSquare(), 0.0);
        for (int m = 8; m <= 2048; m *= 2) {
            assertEquals(Math.min(m, in), l.kappa(m), 1e-9 * m, "m = " + m);
        }
    }

    @Test
    void zeroSumWeightsOverIndependentInputsGiveTheInputsVarianceRatio() {
        // weights in antithetic pairs (w, -w) on neighbouring rows sum to 0 in every block, so over independent
        // inputs E[(sum a w)^2] = E[a^2] sum w^2 + E[a]^2 ((sum w)^2 - sum w^2) = Var(a) sum w^2 and
        // kappa(m) = Var(a) / E[a^2] = (1/12) / (1/3) = 1/4 for uniform inputs, at every block size
        int in = 256;
        int out = 32;
        var r = KeyedRandom.stream(4, 0, Purpose.DATA, 0);
        double[] w = new double[in * out];
        for (int k = 0; k < in; k += 2) {
            for (int j = 0; j < out; j++) {
                double v = r.nextDouble() * 2 - 1;
                w[k * out + j] = v;
                w[(k + 1) * out + j] = -v;
            }
        }
        double[] x = new double[400 * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        Network net = new Network(List.of(new DenseLayer(in, out, w, new double[out])));
        WorkloadSignal.Layer l = SignalStatistics.measure(net, new DoubleExamples(x, new int[400], in, out), 400)
                .layers().get(0);
        for (int m = 8; m <= 256; m *= 2) {
            assertEquals(0.25, l.kappa(m), 0.02, "m = " + m);
        }
    }
}
