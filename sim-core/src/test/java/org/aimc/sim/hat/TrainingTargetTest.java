package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Network;
import org.aimc.sim.nn.Quantizers;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The training noise of a point is the point's device σ(g) and error budget: averaged over the weight
 * distribution, the per-weight noise is the analytic tier's device variance; the output noise is the rest of
 * the budget; the quantizers round as the deployment does.
 */
class TrainingTargetTest {
    static final String NOISY = """
              device: {kind: %s}
              domain: {kind: current}
              array: {rows: 128, cols: 128}
              dac: {kind: %s, bits: 5}
              adc: {kind: sar, bits: 7}
              mapping: {weight_bits: 6, bits_per_cell: 2, signed: %s}
              operating: {time_s: 86400, drift_compensation: true}
              nonideal: {programming_noise: 1.5, read_noise: 1, drift: 1, ir_drop: analytic}
            """;

    @Test
    void weightNoiseAveragesToTheAnalyticDeviceVariance() {
        for (String[] c : new String[][] {{"pcm", "bit-serial", "differential"}, {"rram", "amplitude", "offset"}}) {
            HardwarePoint p = HatTesting.point(String.format(NOISY, c[0], c[1], c[2]));
            TrainingTarget t = TrainingTarget.of(p, ChipPhysics.NONE);
            var ctx = t.context();
            DeviceErrorStats st = ctx.deviceErrors;
            LevelNoise ln = t.levelNoise();
            double[] mean = new double[2 * t.qMax() + 1];
            double[] staticVar = new double[mean.length];
            ln.weightTables(t.mapping(), false, mean, staticVar);
            double[] withRead = new double[mean.length];
            ln.weightTables(t.mapping(), true, new double[mean.length], withRead);
            double kappa = t.compensation();
            double avgStatic = 0;
            double avgRead = 0;
            double avgShift = 0;
            for (int w = -t.qMax(); w <= t.qMax(); w++) {
                double pw = ctx.operands.pWeight(w);
                avgStatic += pw * kappa * kappa * staticVar[w + t.qMax()];
                avgRead += pw * kappa * kappa * (withRead[w + t.qMax()] - staticVar[w + t.qMax()]);
                double e = kappa * (w + mean[w + t.qMax()]) - w;
                avgShift += pw * e * e;
            }
            assertEquals(st.progVar + st.driftVar, avgStatic, 1e-9 * avgStatic, c[0] + " static");
            assertEquals(ln.readScale() * st.readVar, avgRead, 1e-9 * avgRead, c[0] + " read");
            assertEquals(st.biasSq, avgShift, 1e-9 * Math.max(st.biasSq, 1e-12), c[0] + " systematic");
            // the read scale of bit-serial inputs: Σ 4^k E[bit] / E[x²]
            if (c[1].equals("bit-serial")) {
                double a = ctx.operands.bitActivity();
                assertEquals(a * (Math.pow(4, 5) - 1) / 3 / ctx.operands.ex2(), ln.readScale(), 1e-12);
            } else {
                assertEquals(1, ln.readScale(), 0);
            }
            // the output noise is the budget without the device terms
            var b = t.budget();
            double dev = b.variance(ErrorSource.PROGRAMMING) + b.variance(ErrorSource.DRIFT)
                    + b.variance(ErrorSource.READ_NOISE);
            double expect = b.totalVariance() - dev - (t.outputQuantised() ? b.variance(ErrorSource.ADC) : 0);
            assertEquals(expect, t.outputVariance(false), 1e-9 * expect);
            assertEquals(expect - b.variance(ErrorSource.IR_DROP), t.outputVariance(true), 1e-9 * expect);
        }
    }

    @Test
    void injectedWeightNoiseHasTheTableVariance() {
        HardwarePoint p = HatTesting.point(String.format(NOISY, "pcm", "amplitude", "differential"));
        TrainingTarget t = TrainingTarget.of(p, ChipPhysics.NONE);
        // one layer whose every integer weight is w0 = 13: the engine's effective weights around κ (w0 + m)
        int in = 64;
        int out = 40;
        double[] w = new double[in * out];
        java.util.Arrays.fill(w, 13.0 / 31);
        // the last row holds each column's maximum, so the scale is 1/31 and the others quantise to 13
        java.util.Arrays.fill(w, (in - 1) * out, in * out, 1.0);
        Network net = new Network(java.util.List.of(new DenseLayer(in, out, w, new double[out])));
        ModelMvm m = new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, true, new double[] {1}, false,
                KeyedRandom.stream(1, 0, Purpose.TRAINING, 0));
        // an input of one code on row 0 reads the noisy weight of row 0 in every column
        double[] sum = new double[2];
        int n = 0;
        double step = 1.0 / t.xMax();
        for (int rep = 0; rep < 400; rep++) {
            double[] x = new double[in];
            x[rep % (in - 1)] = step;
            double[] y = new double[out];
            m.multiply(0, net.layer(0), x, 1, y);
            for (double v : y) {
                double wi = v / (step / 31);
                sum[0] += wi;
                sum[1] += wi * wi;
                n++;
            }
        }
        double mean = sum[0] / n;
        double var = sum[1] / n - mean * mean;
        double k = t.compensation();
        double outSd = Math.sqrt(t.outputVariance(false) * in / t.tileRows());
        double expectMean = k * (13 + t.weightMean(13));
        double expectVar = k * k * t.weightVariance(13) + outSd * outSd;
        assertEquals(expectMean, mean, 4 * Math.sqrt(expectVar / n), "mean");
        assertEquals(expectVar, var, 0.1 * expectVar, "variance");
    }

    @Test
    void quantizersRoundAsTheDeployment() {
        var r = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        int in = 17;
        int out = 9;
        double[] w = new double[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() * 2 - 1;
        }
        Network net = new Network(java.util.List.of(new DenseLayer(in, out, w, new double[out])));
        double clip = 0.73;
        QuantisedNetwork q = QuantisedNetwork.of(net, 5, 6, new double[] {clip});
        double[] scale = new double[out];
        double[] wq = new double[w.length];
        Quantizers.columnScales(w, in, out, 15, scale);
        Quantizers.quantiseColumns(w, in, out, 15, scale, wq);
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < out; j++) {
                assertEquals(q.weight(0, k, j), (int) wq[k * out + j]);
            }
        }
        double[] x = new double[500];
        double[] u = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.2 * r.nextDouble() - 0.1;
        }
        Quantizers.inputCodes(x, x.length, clip, 63, u);
        for (int i = 0; i < x.length; i++) {
            assertEquals(q.inputCode(0, x[i]), (int) u[i]);
        }
    }

    @Test
    void straightThroughInputGradientAndTheLsqClipGradient() {
        double c = 2.0;
        int n = 15;
        double[] x = {-0.3, 0, 0.41, 1.07, 1.99, 2.5};
        double[] du = {1, 1, 1, 1, 1, 1};
        double[] dx = new double[x.length];
        double dc = Quantizers.inputBackward(x, du, x.length, c, n, dx);
        double[] expectDx = {0, 0, n / c, n / c, n / c, 0};
        double expectDc = 0;
        for (int i = 2; i <= 4; i++) {
            expectDc -= x[i] * n / (c * c);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(expectDx[i], dx[i], 1e-15);
        }
        assertEquals(expectDc, dc, 1e-12);
        // with the explicit factor c/n of q = (c/n) u the total is LSQ's ∂q/∂c: (u - x n/c)/n inside, 1 above
        double[] u = new double[x.length];
        Quantizers.inputCodes(x, x.length, c, n, u);
        for (int i = 0; i < x.length; i++) {
            double[] one = {1};
            double dci = Quantizers.inputBackward(new double[] {x[i]}, one, 1, c, n, null);
            double lsq = u[i] / n + (c / n) * dci;
            double expect = x[i] >= c ? 1 : x[i] <= 0 ? 0 : (u[i] - x[i] * n / c) / n;
            assertEquals(expect, lsq, 1e-12, "x = " + x[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> new ModelMvm(
                TrainingTarget.of(HatTesting.point(String.format(NOISY, "pcm", "amplitude", "differential")),
                        ChipPhysics.NONE), ModelMvm.Model.PROBABILISTIC, false, new double[] {0}, true, null));
        assertTrue(true);
    }
}
