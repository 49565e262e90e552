package org.aimc.sim.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.DoubleExamples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.junit.jupiter.api.Test;

/** The quantisation rules of {@link QuantisedNetwork} and the range calibration of {@link ActivationRanges}. */
class QuantisedNetworkTest {
    @Test
    void eachColumnIsScaledToItsLargestMagnitude() {
        // column 0: max |W| = 0.7 -> s = 0.1 at 4 bits (Q = 7); column 1 all zero -> s = 1
        double[] w = {0.7, 0, -0.35, 0, 0.149, 0, -0.05, 0};
        Network net = new Network(List.of(new DenseLayer(4, 2, w, new double[2])));
        QuantisedNetwork q = QuantisedNetwork.of(net, 4, 3, new double[] {7});
        assertEquals(7, q.weight(0, 0, 0));
        assertEquals(-4, q.weight(0, 1, 0), "-3.5 rounds half away from zero");
        assertEquals(1, q.weight(0, 2, 0));
        assertEquals(-1, q.weight(0, 3, 0), "-0.5 rounds half away from zero");
        for (int k = 0; k < 4; k++) {
            assertEquals(0, q.weight(0, k, 1));
        }
        // Δ = 7 / 7 = 1 at 3 bits; scale of output 0 = Δ s_0 = 0.1
        assertEquals(0.1, q.outputScale(0, 0), 1e-15);
        assertEquals(1.0, q.outputScale(0, 1), 0.0);
        assertArrayEquals(new int[][] {{-4, 0}, {1, 0}}, q.weightBlock(0, 1, 2, 0, 2));
    }

    @Test
    void inputsRoundToTheirCodeAndClipToTheRange() {
        Network net = new Network(List.of(new DenseLayer(1, 1, new double[] {1}, new double[1])));
        QuantisedNetwork q = QuantisedNetwork.of(net, 8, 4, new double[] {1.5}); // Δ = 0.1, codes 0..15
        assertEquals(15, q.inputMax());
        assertEquals(0, q.inputCode(0, 0));
        assertEquals(0, q.inputCode(0, -3), "negative inputs clip to 0");
        assertEquals(0, q.inputCode(0, Double.NaN));
        assertEquals(3, q.inputCode(0, 0.26));
        assertEquals(3, q.inputCode(0, 0.34));
        assertEquals(15, q.inputCode(0, 1.5));
        assertEquals(15, q.inputCode(0, 9));
        assertThrows(IllegalArgumentException.class, () -> QuantisedNetwork.of(net, 8, 4, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> QuantisedNetwork.of(net, 1, 4, new double[] {1}));
    }

    @Test
    void theCalibratedClipBalancesClippingAgainstRounding() {
        var r = KeyedRandom.stream(1, 0, Purpose.DATA, 0);
        double[] uniform = new double[20000];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = r.nextDouble();
        }
        // uniform values: clipping only hurts, the best level is (nearly) the maximum
        assertTrue(ActivationRanges.bestClip(uniform, 255) > 0.97);
        // exponential values (a long tail): fewer bits clip lower
        double[] tail = new double[20000];
        for (int i = 0; i < tail.length; i++) {
            tail[i] = -Math.log(1 - r.nextDouble());
        }
        double c3 = ActivationRanges.bestClip(tail, 7);
        double c8 = ActivationRanges.bestClip(tail, 255);
        double max = java.util.Arrays.stream(tail).max().orElseThrow();
        assertTrue(c3 < c8 && c8 <= max, c3 + " < " + c8 + " <= " + max);
        // the chosen level beats both ends of the search by the criterion it minimises
        double[] sorted = java.util.Arrays.stream(tail).sorted().toArray();
        assertTrue(ActivationRanges.error(sorted, c3, 7) <= ActivationRanges.error(sorted, max, 7));
        assertTrue(ActivationRanges.error(sorted, c3, 7) <= ActivationRanges.error(sorted, max / 128, 7));
        // 3 bits on unit exponentials: the optimum of the clipping-versus-rounding trade-off is near 4 to 5
        assertTrue(c3 > 3 && c3 < 6, "3-bit clip " + c3);
    }

    @Test
    void calibrationSeesOnlyTheExamplesItIsGiven() {
        Network net = Network.initialized(new int[] {20, 8, 3}, 4);
        var r = KeyedRandom.stream(2, 0, Purpose.DATA, 0);
        double[] x = new double[100 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        double[] y = x.clone();
        for (int i = 50 * 20; i < y.length; i++) {
            y[i] = 100;
        }
        double[] a = ActivationRanges.calibrate(net, new DoubleExamples(x, new int[100], 20, 3), 50, 6);
        double[] b = ActivationRanges.calibrate(net, new DoubleExamples(y, new int[100], 20, 3), 50, 6);
        assertArrayEquals(a, b, 0.0);
        assertEquals(2, a.length);
        assertTrue(a[0] > 0.9 && a[0] <= 1, "pixels-like inputs in [0, 1): " + a[0]);
    }
}
