package org.aimc.sim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.accuracy.AccuracySurrogate;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.accuracy.WorkloadSignal;
import org.aimc.sim.nn.DoubleExamples;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.DataSpec;
import org.junit.jupiter.api.Test;

/** The operand-model fit of {@link LayerStatistics}: exact on the model's own statistics, scaled by kappa. */
class LayerStatisticsTest {
    /** The statistics a layer drawn from the operand model itself would show (8-bit inputs). */
    static LayerStatistics of(DataSpec d, int weightBits) {
        OperandStats ops = new OperandStats(d, weightBits, 8);
        double q = ops.qMax();
        double x = ops.xMax();
        return new LayerStatistics(Math.sqrt(ops.ew2() / (q * q)), d.inputZeroFraction(), ops.ex2() / (x * x),
                ops.bitActivity(), 8);
    }

    static double power(DataSpec d, int weightBits, Encoding e) {
        OperandStats ops = new OperandStats(d, weightBits, 8);
        double in = e == Encoding.BIT_SERIAL ? ops.bitActivity() : ops.ex2();
        return in * ops.ew2();
    }

    @Test
    void theModelsOwnStatisticsFitBackToTheModel() {
        DataSpec d = new DataSpec("gaussian", 0.3, 0.6);
        for (Encoding e : new Encoding[] {Encoding.AMPLITUDE, Encoding.BIT_SERIAL, Encoding.PULSE_WIDTH}) {
            DataSpec f = of(d, 8).fit(e, 1, 8);
            assertEquals(0.3, f.weightStd(), 1e-6, e.toString());
            assertEquals(0.6, f.inputZeroFraction(), 1e-9, e.toString());
        }
    }

    @Test
    void correlationRaisesTheInputsFirstThenTheWeights() {
        DataSpec d = new DataSpec("gaussian", 0.3, 0.6);
        LayerStatistics s = of(d, 8);
        double base = power(d, 8, Encoding.AMPLITUDE);
        // kappa 2: the non-zero probability doubles (0.4 -> 0.8), the weights stay
        DataSpec k2 = s.fit(Encoding.AMPLITUDE, 2, 8);
        assertEquals(0.2, k2.inputZeroFraction(), 1e-9);
        assertEquals(0.3, k2.weightStd(), 1e-6);
        assertEquals(2 * base, power(k2, 8, Encoding.AMPLITUDE), 1e-6 * base);
        // kappa 4: no zeros left, the weights make up the remaining factor 1.6
        DataSpec k4 = s.fit(Encoding.AMPLITUDE, 4, 8);
        assertEquals(0.0, k4.inputZeroFraction(), 0.0);
        assertTrue(k4.weightStd() > 0.3);
        assertEquals(4 * base, power(k4, 8, Encoding.AMPLITUDE), 1e-6 * base);
        // beyond what the model holds: every input non-zero, weights of standard deviation 1
        DataSpec big = s.fit(Encoding.AMPLITUDE, 100, 8);
        assertEquals(0.0, big.inputZeroFraction(), 0.0);
        assertEquals(1.0, big.weightStd(), 0.0);
    }

    @Test
    void bitSerialRangeRatiosAreThoseOfTheLayersCodes() {
        Network net = Network.initialized(new int[] {40, 24, 10}, 3);
        // inputs 0 or 1: every non-zero first-layer code is x_max at any precision, so every bit is as busy as
        // the codes are non-zero and rho = 1 (the operand model's 3 x_max / (2 x_max + 1) is 1.5 at 8 bits)
        int n = 300;
        double[] x = new double[n * 40];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 7919L % 13) < 5 ? 1.0 : 0.0;
        }
        Examples binary = new DoubleExamples(x, new int[n], 40, 10);
        double[][] r = LayerStatistics.bitSerialRatios(net, binary, n, 8);
        assertEquals(2, r.length);
        for (int b = 1; b <= WorkloadSignal.MAX_INPUT_BITS; b++) {
            assertEquals(1.0, r[0][b - 1], 1e-12, b + " bits");
        }
        // teacher data uniform in [0, 1) with 30 % zeros: layer 0's ratio recomputed from the codes of the data
        // themselves (the calibrated clip level, rounding, bit counts)
        Examples data = HwTesting.teacherData(net, n, 0.3, 5);
        double[][] u = LayerStatistics.bitSerialRatios(net, data, n, 8);
        for (int b : new int[] {1, 3, 4, 8}) {
            double clip = ActivationRanges.calibrate(net, data, n, b)[0];
            int xMax = (1 << b) - 1;
            long[] ones = new long[b];
            double sq = 0;
            double[] f = new double[40];
            for (int e = 0; e < n; e++) {
                data.copyFeatures(e, f, 0);
                for (double a : f) {
                    long c = a <= 0 ? 0 : Math.min(Math.round(a / (clip / xMax)), xMax);
                    sq += (double) c * c;
                    for (int k = 0; k < b; k++) {
                        ones[k] += (c >>> k) & 1;
                    }
                }
            }
            long total = 40L * n;
            double act = 0;
            for (long o : ones) {
                act = Math.max(act, o / (double) total);
            }
            double expect = act / (sq / total / ((double) xMax * xMax));
            assertEquals(expect, u[0][b - 1], 1e-9 * expect, b + " bits");
            // uniform non-zero inputs are close to the operand model at fine precision
            if (b == 8) {
                assertEquals(AccuracySurrogate.modelBitSerialRatio(8), u[0][b - 1], 0.1);
            }
        }
        assertTrue(u[1][7] > 0);
    }
}
