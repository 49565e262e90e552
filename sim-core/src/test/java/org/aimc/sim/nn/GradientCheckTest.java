package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Analytic gradients of the loss, the ReLU and the dense layers against central finite differences. */
class GradientCheckTest {
    private static final double H = 1e-6;

    private static double loss(Network net, double[] x, int[] y, int batch) {
        Workspace ws = net.workspace(batch);
        net.forward(MvmEngine.DIGITAL, x, batch, ws);
        return Losses.softmaxCrossEntropy(ws.logits(), y, batch, net.outputs(), null);
    }

    @Test
    void softmaxCrossEntropyGradient() {
        UniformRandomProvider r = KeyedRandom.stream(1, 0, Purpose.DATA, 0);
        int batch = 3;
        int classes = 4;
        double[] z = new double[batch * classes];
        for (int i = 0; i < z.length; i++) {
            z[i] = 3 * (r.nextDouble() - 0.5);
        }
        int[] y = {2, 0, 3};
        double[] g = new double[z.length];
        double l = Losses.softmaxCrossEntropy(z, y, batch, classes, g);
        // closed form for one row: log(sum e^z) - z_y
        double ref = 0;
        for (int b = 0; b < batch; b++) {
            double s = 0;
            for (int c = 0; c < classes; c++) {
                s += Math.exp(z[b * classes + c]);
            }
            ref += Math.log(s) - z[b * classes + y[b]];
        }
        assertEquals(ref / batch, l, 1e-14);
        for (int i = 0; i < z.length; i++) {
            double keep = z[i];
            z[i] = keep + H;
            double lp = Losses.softmaxCrossEntropy(z, y, batch, classes, null);
            z[i] = keep - H;
            double lm = Losses.softmaxCrossEntropy(z, y, batch, classes, null);
            z[i] = keep;
            assertEquals((lp - lm) / (2 * H), g[i], 1e-8, "logit " + i);
        }
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        double[] z = {1000, 0, -1000};
        double[] g = new double[3];
        assertEquals(0, Losses.softmaxCrossEntropy(z, new int[] {0}, 1, 3, g), 1e-12);
        assertEquals(2000, Losses.softmaxCrossEntropy(z, new int[] {2}, 1, 3, null), 1e-9);
    }

    @Test
    void networkGradientsMatchFiniteDifferences() {
        int[] sizes = {5, 6, 4, 3};
        Network net = Network.initialized(sizes, 11);
        UniformRandomProvider r = KeyedRandom.stream(2, 0, Purpose.DATA, 0);
        for (DenseLayer d : net.layers()) {
            for (int j = 0; j < d.out(); j++) {
                d.bias()[j] = 0.3 * (r.nextDouble() - 0.5);
            }
        }
        int batch = 5;
        double[] x = new double[batch * sizes[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        int[] y = {0, 2, 1, 1, 2};
        Workspace ws = net.workspace(batch);
        net.forward(MvmEngine.DIGITAL, x, batch, ws);
        Losses.softmaxCrossEntropy(ws.logits(), y, batch, 3, ws.outputGradient());
        Gradients g = new Gradients(net);
        net.backward(x, batch, ws, g);

        double[][] params = net.parameters();
        double[][] grads = g.arrays();
        int checked = 0;
        for (int p = 0; p < params.length; p++) {
            for (int i = 0; i < params[p].length; i++) {
                double keep = params[p][i];
                params[p][i] = keep + H;
                double lp = loss(net, x, y, batch);
                params[p][i] = keep - H;
                double lm = loss(net, x, y, batch);
                params[p][i] = keep;
                double fd = (lp - lm) / (2 * H);
                assertEquals(fd, grads[p][i], 1e-7 + 1e-5 * Math.abs(fd), "parameter array " + p + " index " + i);
                checked++;
            }
        }
        assertEquals(net.parameterCount(), checked);
        assertEquals(79, checked);
    }

    @Test
    void inputGradientOfADenseLayerMatchesFiniteDifferences() {
        UniformRandomProvider r = KeyedRandom.stream(5, 0, Purpose.DATA, 0);
        DenseLayer d = new DenseLayer(7, 5);
        for (int i = 0; i < d.weights().length; i++) {
            d.weights()[i] = r.nextDouble() - 0.5;
        }
        int batch = 2;
        double[] x = new double[batch * 7];
        double[] c = new double[batch * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = r.nextDouble() - 0.5;
        }
        // L = Σ c ⊙ z is linear, so dL/dz = c and dL/dx = c Wᵀ exactly
        double[] dx = new double[x.length];
        d.backward(x, c, batch, new double[35], new double[5], dx);
        double[] z = new double[c.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + H;
            d.forward(MvmEngine.DIGITAL, 0, x, batch, z);
            double lp = dot(c, z);
            x[i] = keep - H;
            d.forward(MvmEngine.DIGITAL, 0, x, batch, z);
            double lm = dot(c, z);
            x[i] = keep;
            assertEquals((lp - lm) / (2 * H), dx[i], 1e-9, "input " + i);
        }
    }

    @Test
    void reluAndItsDerivative() {
        double[] z = {-2, -0.0, 0.0, 1e-300, 3};
        double[] a = new double[5];
        Activations.relu(z, 5, a);
        assertEquals(0, a[0]);
        assertEquals(0, a[2]);
        assertEquals(1e-300, a[3]);
        assertEquals(3, a[4]);
        double[] da = {1, 1, 1, 1, 1};
        double[] dz = new double[5];
        Activations.reluBackward(z, da, 5, dz);
        assertEquals(0, dz[0] + dz[1] + dz[2]);
        assertEquals(2, dz[3] + dz[4]);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
