package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.hw.ActivationRanges;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The physical training model's gradients, end to end through a layer (row blocks, slices, devices, cycles,
 * recombination, drift rescale), against central finite differences of its own forward pass: with respect to
 * every device conductance it differentiates through (IR drop first order and exact, the Millman divider,
 * charge-domain RC settling with bit-serial and pulse-width inputs) and, where the inputs enter continuously
 * (linear products, pulse widths), with respect to the input codes.
 */
class PhysicalModelGradientTest {
    static final Network NET = Network.initialized(new int[] {40, 12, 10}, 5);
    static final Examples DATA = HatTesting.teacherData(NET, 12, 0.3, 6);

    static String base(String domain, String dac, int bits, String irDrop, double wire) {
        return HatTesting.ideal("rram", domain, dac, bits).replace("ir_drop: none", "ir_drop: " + irDrop)
                .replace("wire_ohm: 0.35", "wire_ohm: " + wire).replace("rows: 32", "rows: 16")
                .replace("bits_per_cell: 3", "bits_per_cell: 1");
    }

    static void check(String base, ChipPhysics chip, boolean inputsContinuous) {
        HardwarePoint p = HatTesting.point(base);
        TrainingTarget t = TrainingTarget.of(p, chip);
        assertTrue(t.hasPhysics(), base);
        int bits = t.inputBits();
        double[] clip = ActivationRanges.calibrate(NET, DATA, 12, bits);
        ModelMvm m = new ModelMvm(t, ModelMvm.Model.PHYSICAL, false, clip, true, null);
        int batch = DATA.size();
        double[] x = new double[batch * NET.inputs()];
        DATA.range(0, batch, x, new int[batch]);
        int out = NET.layer(0).out();
        double[] y = new double[batch * out];
        m.multiply(0, NET.layer(0), x, batch, y);
        UniformRandomProvider r = KeyedRandom.stream(7, 0, Purpose.DATA, 0);
        double[] dY = new double[batch * out];
        for (int i = 0; i < dY.length; i++) {
            dY[i] = r.nextDouble() - 0.5;
        }
        m.integerBackward(0, dY, batch);
        double[][] q = m.deviceConductances(0);
        double[][] dq = copy(m.deviceGradients(0));
        double[] du = m.codeGradients(0).clone();
        double scale = 0;
        for (double[] g : dq) {
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        assertTrue(scale > 0, "no gradient at all");
        int checked = 0;
        for (int node = 0; node < q.length; node++) {
            for (int k = 0; k < 12; k++) {
                int i = r.nextInt(q[node].length);
                double keep = q[node][i];
                double h = 1e-5 * Math.max(1, Math.abs(keep));
                q[node][i] = keep + h;
                double lp = loss(m, dY, batch);
                q[node][i] = keep - h;
                double lm = loss(m, dY, batch);
                q[node][i] = keep;
                double num = (lp - lm) / (2 * h);
                assertEquals(num, dq[node][i], 1e-6 * scale, base + " node " + node + " index " + i);
                checked++;
            }
        }
        if (inputsContinuous) {
            double[] u = m.codes(0);
            double uScale = 0;
            for (int i = 0; i < batch * NET.inputs(); i++) {
                uScale = Math.max(uScale, Math.abs(du[i]));
            }
            for (int k = 0; k < 30; k++) {
                int i = r.nextInt(batch * NET.inputs());
                double keep = u[i];
                // stay inside (0, window): the pulse-width derivative is one-sided at 0 and at the window
                if (keep <= 0.5 || keep >= t.xMax() - 0.5) {
                    continue;
                }
                double h = 1e-4;
                u[i] = keep + 0.3 + h;
                double lp = loss(m, dY, batch);
                u[i] = keep + 0.3 - h;
                double lm = loss(m, dY, batch);
                u[i] = keep + 0.3;
                m.rerun(0, batch);
                m.integerBackward(0, dY, batch);
                double an = m.codeGradients(0)[i];
                u[i] = keep;
                double num = (lp - lm) / (2 * h);
                assertEquals(num, an, 1e-5 * Math.max(uScale, 1e-9), base + " input " + i);
                checked++;
            }
        }
        assertTrue(checked >= 12, "checked " + checked);
    }

    static double loss(ModelMvm m, double[] dY, int batch) {
        m.rerun(0, batch);
        double[] y = m.integerOutputs(0);
        double s = 0;
        for (int i = 0; i < dY.length; i++) {
            s += dY[i] * y[i];
        }
        return s;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    void irDropFirstOrder() {
        check(base("current", "amplitude", 4, "analytic", 30), ChipPhysics.NONE, true);
    }

    @Test
    void irDropExactLadder() {
        check(base("current", "bit-serial", 4, "segmented", 60), ChipPhysics.NONE, true);
    }

    @Test
    void millmanDivider() {
        check(base("resistive-division, invert_millman: 0", "bit-serial", 3, "none", 0), ChipPhysics.NONE, false);
    }

    @Test
    void chargeSettlingPulseWidths() {
        check(base("charge", "pwm", 4, "none", 0), new ChipPhysics(2000, 2e-13), true);
    }

    @Test
    void chargeSettlingBitSerialWithIrDrop() {
        check(base("charge", "bit-serial", 3, "analytic", 30), new ChipPhysics(500, 1e-12), false);
    }
}
