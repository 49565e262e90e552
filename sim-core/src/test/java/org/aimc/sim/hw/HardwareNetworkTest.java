package org.aimc.sim.hw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.MvmEngine;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.junit.jupiter.api.Test;

/**
 * Hardware-mapped inference: ideal hardware reproduces the quantised network exactly (and the floating-point
 * network when quantisation is exact), the mapping covers every weight once, chips are deterministic and
 * keep their static draws across reprogramming, and the measured errors mean what they say.
 */
class HardwareNetworkTest {
    /** 96 -> 40 -> 10 (two layers): three row blocks of 32 rows and four column blocks in the first layer. */
    static final Network NET = Network.initialized(new int[] {96, 40, 10}, 7);
    static final Examples DATA = HwTesting.teacherData(NET, 120, 0.3, 3);

    /** An ideal point: every knob off, ideal converter; %s = domain block, %s = dac kind, %s = device. */
    static final String IDEAL = """
              array: {rows: 32, cols: 64}
              mapping: {weight_bits: 4, bits_per_cell: 1, signed: differential}
              dac: {kind: %s, bits: 4}
              adc: {kind: ideal, bits: 8}
              nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, nonlinearity: 0,
                circuit_mismatch: 0, circuit_noise: 0}
              device: {kind: %s}
              domain: {kind: %s}
            """;

    /** The network quantised as refine does: ranges and operand statistics from (here: the first 60) examples. */
    static QuantisedNetwork quantised(int weightBits, int inputBits) {
        return QuantisedNetwork.calibrated(NET, weightBits, inputBits, DATA, 60);
    }

    @Test
    void idealHardwareGivesTheQuantisedNetworksLogitsInEveryDomain() {
        QuantisedNetwork q = quantised(4, 4);
        double[] ref = HwTesting.logits(NET, q.digital(), DATA, 50);
        String[][] cases = {{"current", "bit-serial", "rram"}, {"current", "amplitude", "pcm"},
            {"charge, headroom_sigma: 100", "pwm", "rram"}, {"charge-redistribution", "bit-serial", "sram"},
            {"capacitive-division", "bit-serial", "sram"}, {"resistive-division", "amplitude", "rram"},
            {"time", "pwm", "rram"}};
        List<String> exact = new ArrayList<>();
        for (String[] c : cases) {
            HardwarePoint p = HwTesting.point(String.format(IDEAL, c[1], c[2], c[0]));
            HardwareNetwork hw = HardwareNetwork.program(q, p, 0);
            double[] got = HwTesting.logits(NET, hw, DATA, 50);
            double maxRef = 0;
            double maxDiff = 0;
            for (int i = 0; i < ref.length; i++) {
                maxRef = Math.max(maxRef, Math.abs(ref[i]));
                maxDiff = Math.max(maxDiff, Math.abs(got[i] - ref[i]));
            }
            assertTrue(maxDiff <= 1e-9 * maxRef, c[0] + ": logits differ by " + maxDiff);
            int[] pq = new int[DATA.size()];
            int[] ph = new int[DATA.size()];
            NET.classify(DATA, q.digital(), 50, pq);
            hw.classify(DATA, 50, ph);
            assertArrayEquals(pq, ph, c[0] + ": predictions");
            if (maxDiff == 0) {
                exact.add(c[0]);
            }
        }
        // the linear readouts return the exact integer sums: bit-for-bit the quantised network
        assertTrue(exact.contains("current") && exact.contains("charge-redistribution"), "bit-exact: " + exact);
    }

    @Test
    void idealHardwareWithExactQuantisationGivesTheFloatNetwork() {
        // integer weights whose column maxima are Q = 7 (scale 1), integer inputs 0..2 with clip 255 at 8 bits
        // (step 1), integer biases: every hidden activation is an integer below 255, so nothing rounds
        var r = KeyedRandom.stream(5, 0, Purpose.DATA, 0);
        int[] sizes = {32, 16, 10};
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] w = new double[in * out];
            double[] b = new double[out];
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < in; k++) {
                    w[k * out + j] = r.nextInt(3) - 1;
                }
                w[(j % in) * out + j] = r.nextBoolean() ? 7 : -7;
                b[j] = r.nextInt(5) - 2;
            }
            layers.add(new DenseLayer(in, out, w, b));
        }
        Network net = new Network(layers);
        double[] x = new double[200 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(3);
        }
        int[] labels = new int[200];
        Examples data = new org.aimc.sim.nn.DoubleExamples(x, labels, 32, 10);
        QuantisedNetwork q = QuantisedNetwork.of(net, 4, 8, new double[] {255, 255});
        HardwarePoint p = HwTesting.point(String.format(IDEAL.replace("bits: 4}\n  adc", "bits: 8}\n  adc"),
                "bit-serial", "rram", "current"));
        double[] floatLogits = HwTesting.logits(net, MvmEngine.DIGITAL, data, 64);
        assertArrayEquals(floatLogits, HwTesting.logits(net, q.digital(), data, 64), 0.0);
        assertArrayEquals(floatLogits, HwTesting.logits(net, HardwareNetwork.program(q, p, 0), data, 64), 0.0);
        int[] pf = new int[200];
        int[] ph = new int[200];
        net.classify(data, MvmEngine.DIGITAL, 64, pf);
        HardwareNetwork.program(q, p, 3).classify(data, 64, ph);
        assertArrayEquals(pf, ph);
    }

    @Test
    void tilingFollowsTheNetworkRollup() {
        QuantisedNetwork q = quantised(4, 4);
        HardwarePoint p = HwTesting.point(String.format(IDEAL, "bit-serial", "rram", "current"));
        // 4-bit weights, 1-bit cells, differential: 3 slices x 2 devices = 6 columns, 64 / 6 = 10 weight columns
        assertEquals(10, p.tileColumns());
        // layer 0: ceil(96/32) x ceil(40/10) = 3 x 4 tiles, layer 1: ceil(40/32) x ceil(10/10) = 2 x 1
        assertEquals(12 + 2, HardwareNetwork.program(q, p, 0).tiles());
    }

    static final String NOISY = """
              array: {rows: 32, cols: 64}
              mapping: {weight_bits: 6, bits_per_cell: 2, signed: differential}
              dac: {kind: bit-serial, bits: 6}
              adc: {kind: sar, bits: 8}
              device: {kind: %s}
              nonideal: {programming_noise: %s, read_noise: %s, drift: %s, circuit_mismatch: %s, circuit_noise: %s}
            """;

    @Test
    void aChipIsAPureFunctionOfItsKeyAndKeepsItsStaticDrawsWhenReprogrammed() {
        QuantisedNetwork q = quantised(6, 6);
        HardwarePoint p = HwTesting.point(String.format(NOISY, "pcm", 1, 1, 1, 1, 1));
        double[] a = HwTesting.logits(NET, HardwareNetwork.program(q, p, 2), DATA, 40);
        double[] b = HwTesting.logits(NET, HardwareNetwork.program(q, p, 2), DATA, 40);
        double[] c = HwTesting.logits(NET, HardwareNetwork.program(q, p, 3), DATA, 40);
        assertArrayEquals(a, b, 0.0, "same chip, same numbers");
        assertNotEquals(a[0], c[0], "another chip");
        // static draws only (programming and circuit mismatch): the same chip at another time and with or
        // without drift compensation gives the same outputs when nothing depends on time
        HardwarePoint st = HwTesting.point(String.format(NOISY, "rram", 1, 0, 0, 1, 0));
        double[] t1 = HwTesting.logits(NET, HardwareNetwork.program(q, st.at(1, false), 4), DATA, 40);
        double[] t2 = HwTesting.logits(NET, HardwareNetwork.program(q, st.at(3.15e7, false), 4), DATA, 40);
        assertArrayEquals(t1, t2, 0.0);
        // with drift, the same chip drifts from the same programmed state: the outputs move but stay close
        HardwarePoint dr = HwTesting.point(String.format(NOISY, "pcm", 1, 0, 1, 0, 0));
        double e1 = relativeError(HwTesting.logits(NET, HardwareNetwork.program(q, dr.at(1, true), 4), DATA, 40),
                HwTesting.logits(NET, HardwareNetwork.program(q, dr.at(2, true), 4), DATA, 40));
        double e2 = relativeError(HwTesting.logits(NET, HardwareNetwork.program(q, dr.at(1, true), 4), DATA, 40),
                HwTesting.logits(NET, HardwareNetwork.program(q, dr.at(1, true), 5), DATA, 40));
        assertTrue(e1 < 0.5 * e2, "1 s -> 2 s on one chip moves the logits by " + e1 + ", another chip by " + e2);
    }

    @Test
    void tilesOfOneChipHaveIndependentDraws() {
        // two column blocks holding identical weights: their errors differ when the tiles' draws do
        double[] w = new double[32 * 20];
        var r = KeyedRandom.stream(9, 0, Purpose.DATA, 0);
        for (int k = 0; k < 32; k++) {
            for (int j = 0; j < 10; j++) {
                double v = r.nextDouble() * 2 - 1;
                w[k * 20 + j] = v;
                w[k * 20 + 10 + j] = v;
            }
        }
        Network net = new Network(List.of(new DenseLayer(32, 20, w, new double[20])));
        QuantisedNetwork q = QuantisedNetwork.of(net, 4, 4, new double[] {1});
        HardwarePoint p = HwTesting.point(String.format(IDEAL, "bit-serial", "rram", "current")
                .replace("programming_noise: 0", "programming_noise: 1"));
        double[] x = new double[32];
        for (int i = 0; i < 32; i++) {
            x[i] = r.nextDouble();
        }
        double[] y = new double[20];
        HardwareNetwork hw = HardwareNetwork.program(q, p, 0);
        hw.multiply(0, net.layer(0), x, 1, y);
        double[] yq = new double[20];
        q.digital().multiply(0, net.layer(0), x, 1, yq);
        assertArrayEquals(java.util.Arrays.copyOfRange(yq, 0, 10), java.util.Arrays.copyOfRange(yq, 10, 20), 0.0);
        int differ = 0;
        for (int j = 0; j < 10; j++) {
            if (y[j] != y[j + 10]) {
                differ++;
            }
        }
        assertEquals(10, differ, "the two tiles' errors must differ column by column");
    }

    @Test
    void theMeterMeasuresTheHardwareAndTheQuantisationSeparately() {
        QuantisedNetwork q = quantised(4, 4);
        HardwarePoint ideal = HwTesting.point(String.format(IDEAL, "bit-serial", "rram", "current"));
        HardwareNetwork hw = HardwareNetwork.programMetered(q, ideal, 0, 80);
        hw.classify(DATA, 50, null);
        MvmErrorMeter m = hw.errors();
        for (int l = 0; l < 2; l++) {
            assertEquals(80, m.vectors(l));
            assertEquals(0.0, m.mvmRelError(l), 0.0);
            assertTrue(m.operandRelError(l) > 0.01 && m.operandRelError(l) < 0.5, "layer " + l + ": "
                    + m.operandRelError(l));
        }
        // the first layer's operand error, computed directly
        double se = 0;
        double sf = 0;
        double[] x = new double[96];
        double[] yq = new double[40];
        double[] yf = new double[40];
        for (int i = 0; i < 80; i++) {
            DATA.copyFeatures(i, x, 0);
            q.digital().multiply(0, NET.layer(0), x, 1, yq);
            MvmEngine.DIGITAL.multiply(0, NET.layer(0), x, 1, yf);
            for (int j = 0; j < 40; j++) {
                se += (yq[j] - yf[j]) * (yq[j] - yf[j]);
                sf += yf[j] * yf[j];
            }
        }
        assertEquals(Math.sqrt(se / sf), m.operandRelError(0), 1e-12);
        HardwarePoint noisy = HwTesting.point(String.format(NOISY, "rram", 1, 1, 1, 1, 1)
                .replace("weight_bits: 6", "weight_bits: 4").replace("bits: 6}", "bits: 4}"));
        HardwareNetwork n = HardwareNetwork.programMetered(q, noisy, 0, 80);
        n.classify(DATA, 50, null);
        assertTrue(n.errors().mvmRelError() > 0.001, "noisy hardware: " + n.errors().mvmRelError());
    }

    @Test
    void badInputsAreRejectedWithTheReason() {
        QuantisedNetwork q = quantised(4, 4);
        HardwarePoint p8 = HwTesting.point(String.format(IDEAL, "bit-serial", "rram", "current")
                .replace("weight_bits: 4", "weight_bits: 8"));
        var e = assertThrows(IllegalArgumentException.class, () -> HardwareNetwork.program(q, p8, 0));
        assertTrue(e.getMessage().contains("mapping.weight_bits = 8"), e.getMessage());
        HardwarePoint p = HwTesting.point(String.format(IDEAL, "bit-serial", "rram", "current"));
        assertThrows(IllegalArgumentException.class, () -> HardwareNetwork.program(q, p, HardwareNetwork.MAX_CHIPS));
        HardwareNetwork hw = HardwareNetwork.program(q, p, 0);
        DenseLayer other = new DenseLayer(96, 40);
        assertThrows(IllegalArgumentException.class, () -> hw.multiply(0, other, new double[96], 1, new double[40]));
        HardwarePoint narrow = HwTesting.point(String.format(IDEAL, "bit-serial", "rram", "current")
                .replace("cols: 64", "cols: 4"));
        assertTrue(narrow.infeasibility().contains("narrower"), narrow.infeasibility());
        assertThrows(IllegalStateException.class, () -> HardwareNetwork.program(q, narrow, 0));
    }

    static double relativeError(double[] a, double[] b) {
        double se = 0;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            se += (a[i] - b[i]) * (a[i] - b[i]);
            s += b[i] * b[i];
        }
        return Math.sqrt(se / s);
    }
}
