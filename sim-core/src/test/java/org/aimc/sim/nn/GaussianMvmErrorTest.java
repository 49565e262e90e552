package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class GaussianMvmErrorTest {
    private static DenseLayer layer(int in, int out, long seed) {
        UniformRandomProvider r = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        DenseLayer d = new DenseLayer(in, out);
        for (int i = 0; i < d.weights().length; i++) {
            d.weights()[i] = r.nextDouble() - 0.5;
        }
        return d;
    }

    @Test
    void zeroSigmaIsTheExactProduct() {
        DenseLayer d = layer(10, 6, 1);
        double[] x = new double[3 * 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 * 0.1;
        }
        double[] exact = new double[18];
        double[] noisy = new double[18];
        MvmEngine.DIGITAL.multiply(0, d, x, 3, exact);
        GaussianMvmError.relative(MvmEngine.DIGITAL, 0, new double[] {5}, KeyedRandom.stream(1, 0, Purpose.TRAINING, 0))
                .multiply(0, d, x, 3, noisy);
        assertArrayEquals(exact, noisy, 0.0);
    }

    @Test
    void injectedErrorHasTheRequestedRelativeSize() {
        int in = 64;
        int out = 50;
        int batch = 400;
        DenseLayer d = layer(in, out, 2);
        UniformRandomProvider r = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        double[] x = new double[batch * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        MvmPowerMeter meter = new MvmPowerMeter(MvmEngine.DIGITAL, 1);
        double[] exact = new double[batch * out];
        meter.multiply(0, d, x, batch, exact);
        double ms = 0;
        for (double v : exact) {
            ms += v * v;
        }
        assertEquals(ms / exact.length, meter.meanSquare(0), 1e-12 * ms);
        double sigmaRel = 0.07;
        double[] noisy = new double[batch * out];
        GaussianMvmError.relative(MvmEngine.DIGITAL, sigmaRel, meter.rms(), KeyedRandom.stream(4, 0, Purpose.TRAINING, 0))
                .multiply(0, d, x, batch, noisy);
        double se = 0;
        double sum = 0;
        for (int i = 0; i < noisy.length; i++) {
            double e = noisy[i] - exact[i];
            se += e * e;
            sum += e;
        }
        int n = noisy.length;
        // sqrt(E[e^2]/E[y^2]) of 20,000 draws: standard error of the RMS is 0.5% of it
        assertEquals(sigmaRel, Math.sqrt(se / n) / Math.sqrt(meter.meanSquare(0)), 0.02 * sigmaRel);
        // zero mean: |mean| within 4 standard errors
        assertEquals(0, sum / n, 4 * sigmaRel * meter.rms()[0] / Math.sqrt(n));
    }

    @Test
    void badSigmasAreRejected() {
        UniformRandomProvider r = KeyedRandom.stream(1, 0, Purpose.TRAINING, 0);
        assertThrows(IllegalArgumentException.class, () -> new GaussianMvmError(MvmEngine.DIGITAL, new double[] {-1}, r));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianMvmError.relative(MvmEngine.DIGITAL, Double.NaN, new double[] {1}, r));
        GaussianMvmError e = new GaussianMvmError(MvmEngine.DIGITAL, new double[] {1}, r);
        assertThrows(IllegalArgumentException.class,
                () -> e.multiply(1, new DenseLayer(1, 1), new double[1], 1, new double[1]));
    }
}
