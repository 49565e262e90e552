package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.hw.ActivationRanges;
import org.aimc.sim.hw.HardwareNetwork;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * The training model computes what the deployed hardware computes: with the noise off it is the quantised
 * network exactly on ideal hardware, and its physics equals the tier-B tile's on the points whose systematic
 * effect it models.
 */
class ModelMvmTest {
    static final Network NET = Network.initialized(new int[] {70, 24, 10}, 3);
    static final Examples DATA = HatTesting.teacherData(NET, 90, 0.3, 4);

    static double[] clips(int bits) {
        return ActivationRanges.calibrate(NET, DATA, 60, bits);
    }

    @Test
    void withoutNoiseOnIdealHardwareBothModelsAreTheQuantisedNetwork() {
        for (String[] c : new String[][] {{"rram", "current", "bit-serial"}, {"pcm", "current", "amplitude"},
            {"rram", "resistive-division", "amplitude"}}) {
            HardwarePoint p = HatTesting.point(HatTesting.ideal(c[0], c[1], c[2], 4));
            TrainingTarget t = TrainingTarget.of(p, ChipPhysics.NONE);
            double[] clip = clips(4);
            QuantisedNetwork q = QuantisedNetwork.of(NET, 4, 4, clip);
            double[] ref = HatTesting.logits(NET, q.digital(), DATA, 32);
            for (ModelMvm.Model m : ModelMvm.Model.values()) {
                double[] got = HatTesting.logits(NET, new ModelMvm(t, m, false, clip, true, null), DATA, 32);
                assertArrayEquals(ref, got, 1e-12 * maxAbs(ref), c[1] + " " + m);
            }
        }
    }

    @Test
    void physicalDividerIsTheTierBResistiveDivisionTile() {
        // gated nodes read linearly: the compression is systematic, and the model must reproduce it exactly
        String base = HatTesting.ideal("rram", "resistive-division, invert_millman: 0, access_r_on_ohm: 0",
                "bit-serial", 4);
        HardwarePoint p = HatTesting.point(base);
        TrainingTarget t = TrainingTarget.of(p, ChipPhysics.NONE);
        assertTrue(t.divider() != null && t.hasPhysics());
        double[] clip = clips(4);
        QuantisedNetwork q = QuantisedNetwork.of(NET, 4, 4, clip);
        double[] hw = HatTesting.logits(NET, HardwareNetwork.program(q, p, 0), DATA, 32);
        double[] phys = HatTesting.logits(NET, new ModelMvm(t, ModelMvm.Model.PHYSICAL, false, clip, true, null),
                DATA, 32);
        double[] prob = HatTesting.logits(NET, new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clip, true, null),
                DATA, 32);
        assertTrue(HatTesting.relDiff(phys, hw) < 1e-9, "physical vs tier B: " + HatTesting.relDiff(phys, hw));
        assertTrue(HatTesting.relDiff(prob, hw) > 1e-3, "the compression is visible: " + HatTesting.relDiff(prob, hw));
    }

    @Test
    void physicalDividerConvertsEachNodeAsTheTierBTile() {
        // a real converter on the gated nodes (no INL: circuit mismatch off): clipping at its range and its codes
        String base = HatTesting.ideal("rram", "resistive-division, invert_millman: 0", "bit-serial", 4)
                .replace("kind: ideal, bits: 8", "kind: sar, bits: 5, clip_sigma: 2");
        HardwarePoint p = HatTesting.point(base);
        TrainingTarget t = TrainingTarget.of(p, ChipPhysics.NONE);
        assertTrue(t.dividerRange(0, 0) != null);
        double[] clip = clips(4);
        QuantisedNetwork q = QuantisedNetwork.of(NET, 4, 4, clip);
        double[] hw = HatTesting.logits(NET, HardwareNetwork.program(q, p, 0), DATA, 32);
        double[] phys = HatTesting.logits(NET, new ModelMvm(t, ModelMvm.Model.PHYSICAL, false, clip, true, null),
                DATA, 32);
        TrainingTarget ideal = TrainingTarget.of(HatTesting.point(base.replace("kind: sar", "kind: ideal")),
                ChipPhysics.NONE);
        double[] noAdc = HatTesting.logits(NET, new ModelMvm(ideal, ModelMvm.Model.PHYSICAL, false, clip, true, null),
                DATA, 32);
        // single-precision sums in the tile may move a value across a code boundary: compare on average
        assertTrue(meanAbsDiff(phys, hw) < 1e-6 * meanAbs(hw), "physical vs tier B: " + meanAbsDiff(phys, hw));
        assertTrue(meanAbsDiff(noAdc, hw) > 1e-3 * meanAbs(hw), "the converter is visible: " + meanAbsDiff(noAdc, hw));
    }

    static double meanAbsDiff(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    static double meanAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s / a.length;
    }

    @Test
    void physicalIrDropIsTheTierBFirstOrderBitLine() {
        String base = HatTesting.ideal("rram", "current", "bit-serial", 4).replace("ir_drop: none", "ir_drop: analytic")
                .replace("wire_ohm: 0.35", "wire_ohm: 20");
        HardwarePoint p = HatTesting.point(base);
        TrainingTarget t = TrainingTarget.of(p, ChipPhysics.NONE);
        assertEquals(BitLineLadder.Mode.FIRST_ORDER, t.irDropMode());
        double[] clip = clips(4);
        QuantisedNetwork q = QuantisedNetwork.of(NET, 4, 4, clip);
        double[] hw = HatTesting.logits(NET, HardwareNetwork.program(q, p, 0), DATA, 32);
        double[] phys = HatTesting.logits(NET, new ModelMvm(t, ModelMvm.Model.PHYSICAL, false, clip, true, null),
                DATA, 32);
        double[] ideal = HatTesting.logits(NET, q.digital(), DATA, 32);
        // the tile sums its non-integer contributions in single precision (relative rounding ~1e-7)
        assertTrue(HatTesting.relDiff(phys, hw) < 1e-5, "physical vs tier B: " + HatTesting.relDiff(phys, hw));
        assertTrue(HatTesting.relDiff(ideal, hw) > 1e-3, "the drop is visible: " + HatTesting.relDiff(ideal, hw));
    }

    /** Weight, input and clip gradients of layer 1 of NET (input: the digital layer 0's ReLU) for a fixed dy. */
    static double[][] gradients(ModelMvm m) {
        int batch = DATA.size();
        double[] x0 = new double[batch * NET.inputs()];
        DATA.range(0, batch, x0, new int[batch]);
        var ws = NET.workspace(batch);
        NET.forward(org.aimc.sim.nn.MvmEngine.DIGITAL, x0, batch, ws);
        double[] x = ws.activations(0).clone();
        var d = NET.layer(1);
        double[] y = new double[batch * d.out()];
        m.multiply(0, NET.layer(0), x0, batch, new double[batch * NET.layer(0).out()]);
        m.multiply(1, d, x, batch, y);
        double[] dy = new double[y.length];
        var r = org.aimc.sim.numerics.KeyedRandom.stream(9, 0, org.aimc.sim.numerics.Purpose.DATA, 0);
        for (int i = 0; i < dy.length; i++) {
            dy[i] = r.nextDouble() - 0.5;
        }
        double[] dW = new double[d.weights().length];
        double[] dx = new double[x.length];
        m.backward(1, d, x, dy, batch, dW, dx);
        return new double[][] {dW, dx, m.gradients()[0].clone()};
    }

    @Test
    void physicalGradientsReduceToTheStraightThroughOnesWhereThePhysicsIsNearlyLinear() {
        // a huge load makes the divider nearly linear: the physical chain (digits of two slices, input bits,
        // the read-out's slope) must then give the probabilistic model's straight-through gradients
        String base = HatTesting.ideal("rram", "resistive-division, invert_millman: 0, access_r_on_ohm: 0, "
                + "load_ratio: 1000", "bit-serial", 4);
        TrainingTarget t = TrainingTarget.of(HatTesting.point(base), ChipPhysics.NONE);
        assertTrue(t.divider() != null && t.mapping().slices() == 2);
        double[] clip = clips(4);
        double[][] phys = gradients(new ModelMvm(t, ModelMvm.Model.PHYSICAL, false, clip, true, null));
        double[][] prob = gradients(new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clip, true, null));
        String[] what = {"dW", "dx", "dclip"};
        for (int k = 0; k < 2; k++) {
            assertTrue(HatTesting.relDiff(phys[k], prob[k]) < 0.02, what[k] + ": " + HatTesting.relDiff(phys[k], prob[k]));
        }
        assertTrue(prob[2][1] != 0, "the hidden layer's clip is learned");
        assertEquals(prob[2][1], phys[2][1], 0.02 * Math.abs(prob[2][1]), "clip gradient");
    }

    @Test
    void scaleGradientIsTheDerivativeAlongAColumnsOwnWeights() {
        // Scaling column j of W by (1 + d) moves its scale with it and leaves its integer weights, hence the noise
        // draws, unchanged: the forward pass is then exactly differentiable along W_j itself, and the directional
        // derivative sum_i dW_ij W_ij of the backward pass must match the central difference. Without the scale's
        // gradient it would miss the device error, which grows with the scale.
        String base = HatTesting.ideal("rram", "current", "bit-serial", 4)
                .replace("programming_noise: 0, read_noise: 0", "programming_noise: 3, read_noise: 1");
        TrainingTarget t = TrainingTarget.of(HatTesting.point(base), ChipPhysics.NONE);
        double[] clip = clips(4);
        Network net = NET.copy();
        var d = net.layer(1);
        int in = d.in();
        int out = d.out();
        int q = t.qMax();
        double[] scale = new double[out];
        double[] wq = new double[in * out];
        org.aimc.sim.nn.Quantizers.columnScales(d.weights(), in, out, q, scale);
        org.aimc.sim.nn.Quantizers.quantiseColumns(d.weights(), in, out, q, scale, wq);
        for (int i = 0; i < wq.length; i++) {
            d.weights()[i] = wq[i] * scale[i % out]; // on the grid: the straight-through part is exact too
        }
        int batch = DATA.size();
        double[] x = new double[batch * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = clip[1] * ((i * 7919) % 13) / 13.0;
        }
        double[] dy = new double[batch * out];
        var r = org.aimc.sim.numerics.KeyedRandom.stream(9, 0, org.aimc.sim.numerics.Purpose.DATA, 1);
        for (int i = 0; i < dy.length; i++) {
            dy[i] = r.nextDouble() - 0.5;
        }
        ModelMvm m = model(t, clip);
        double[] y = new double[batch * out];
        m.multiply(1, d, x, batch, y);
        double[] dW = new double[in * out];
        m.backward(1, d, x, dy, batch, dW, new double[x.length]);
        ModelMvm clean = new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, false, clip, true, null);
        double[] yClean = new double[batch * out];
        clean.multiply(1, d, x, batch, yClean);
        double noisePart = 0;
        double total = 0;
        for (int j = 0; j < out; j++) {
            double h = 1e-6;
            double fd = (loss(t, clip, net, x, dy, j, 1 + h) - loss(t, clip, net, x, dy, j, 1 - h)) / (2 * h);
            double dir = 0;
            for (int i = 0; i < in; i++) {
                dir += dW[i * out + j] * d.weights()[i * out + j];
            }
            assertEquals(fd, dir, 1e-6 * Math.max(1, Math.abs(fd)), "column " + j);
            for (int b = 0; b < batch; b++) {
                noisePart += Math.abs(dy[b * out + j] * (y[b * out + j] - yClean[b * out + j]));
                total += Math.abs(dy[b * out + j] * y[b * out + j]);
            }
        }
        // the device error carries a visible share of that derivative (what straight-through weights alone miss)
        assertTrue(noisePart > 0.05 * total, "device error share " + noisePart / total);
    }

    /** A noisy probabilistic model whose draws repeat: the same seed for every evaluation. */
    static ModelMvm model(TrainingTarget t, double[] clip) {
        return new ModelMvm(t, ModelMvm.Model.PROBABILISTIC, true, clip, true,
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {5, 6}));
    }

    /** Σ dy · y of layer 1 with column j of its weights scaled by f (same noise draws). */
    static double loss(TrainingTarget t, double[] clip, Network net, double[] x, double[] dy, int j, double f) {
        Network n = net.copy();
        var d = n.layer(1);
        for (int i = 0; i < d.in(); i++) {
            d.weights()[i * d.out() + j] *= f;
        }
        int batch = x.length / d.in();
        double[] y = new double[batch * d.out()];
        model(t, clip).multiply(1, d, x, batch, y);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += dy[i] * y[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
