package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.TestSpecs;
import org.aimc.sim.crossbar.Crossbar;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.hw.HardwareNetwork;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Examples;
import org.aimc.sim.nn.Network;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.space.SweepPlan;
import org.junit.jupiter.api.Test;

/**
 * The simulated chip is the behavioural chip plus its tier-C effects: without them it is the hardware-mapped
 * inference exactly; its nodal IR drop is the crossbar's nodal solution of the programmed conductances; its
 * RC settling is the column ODE.
 */
class SimulatedChipTest {
    static final Network NET = Network.initialized(new int[] {40, 12, 10}, 8);
    static final Examples DATA = HatTesting.teacherData(NET, 40, 0.3, 9);

    static SweepPlan plan(String base) {
        return TestSpecs.plan(base, "  operating.node_nm: [22]");
    }

    @Test
    void withoutTierCEffectsItIsTheHardwareMappedNetwork() {
        String base = """
                  device: {kind: pcm}
                  array: {rows: 16, cols: 32}
                  dac: {kind: bit-serial, bits: 4}
                  mapping: {weight_bits: 4, bits_per_cell: 3, signed: differential}
                  nonideal: {ir_drop: analytic}
                """;
        SweepPlan plan = plan(base);
        QuantisedNetwork q = QuantisedNetwork.of(NET, 4, 4, new double[] {1, 2});
        HardwarePoint p = HardwarePoint.of(plan, 0).at(7200, true);
        double[] hw = HatTesting.logits(NET, HardwareNetwork.program(q, p, 3), DATA, 20);
        SimulatedChip chip = SimulatedChip.of(plan, 0, 7200, true, 3, ChipPhysics.NONE, null);
        assertTrue(!chip.tierC());
        chip.program(q);
        assertArrayEquals(hw, HatTesting.logits(NET, chip.engine(), DATA, 20), 0.0);
        assertEquals(1, chip.programmings());
        SimulatedChip fresh = SimulatedChip.of(plan, 0, 7200, true, 3, ChipPhysics.NONE, null);
        assertThrows(IllegalStateException.class, () -> fresh.run(0, new double[40], 1, new double[12]));
    }

    @Test
    void nodalIrDropIsTheNodalSolutionOfTheProgrammedCrossbar() {
        // one tile, ideal devices and converter: the chip's output is the nodal column currents of the nominal
        // conductances, word-line gain calibrated, recombined
        String base = """
                  device: {kind: rram}
                  array: {rows: 12, cols: 8, wire_ohm: 200}
                  dac: {kind: amplitude, bits: 4}
                  adc: {kind: ideal, bits: 8}
                  mapping: {weight_bits: 4, bits_per_cell: 2, signed: differential}
                  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: nodal, stuck_at: 0,
                    nonlinearity: 0, circuit_mismatch: 0, circuit_noise: 0}
                """;
        SweepPlan plan = plan(base);
        var r = KeyedRandom.stream(4, 0, Purpose.DATA, 0);
        int in = 12;
        int out = 2;
        double[] w = new double[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextDouble() * 2 - 1;
        }
        Network net = new Network(List.of(new DenseLayer(in, out, w, new double[out])));
        QuantisedNetwork q = QuantisedNetwork.of(net, 4, 4, new double[] {1});
        SimulatedChip chip = SimulatedChip.of(plan, 0, 1, false, 0, ChipPhysics.NONE, null);
        assertTrue(chip.tierC());
        chip.program(q);
        double[] x = new double[in];
        for (int i = 0; i < in; i++) {
            x[i] = r.nextDouble();
        }
        double[] y = new double[out];
        chip.run(0, x, 1, y);
        // the reference: the nodal model of the tile's 2 x 2 x 2 = 8 physical columns at the input voltages
        HardwarePoint p = HardwarePoint.of(plan, 0);
        var c = p.context();
        var map = c.mapping;
        double gMin = c.device.params().gMinS;
        double dG = c.deviceErrors.levelStepS;
        int phys = out * map.columnsPerWeight();
        double[] g = new double[in * phys];
        int[] plus = new int[map.slices()];
        int[] minus = new int[map.slices()];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                map.levels(q.weight(0, i, j), plus, minus);
                for (int s = 0; s < map.slices(); s++) {
                    g[i * phys + (j * map.slices() + s) * 2] = gMin + plus[s] * dG;
                    g[i * phys + (j * map.slices() + s) * 2 + 1] = gMin + minus[s] * dG;
                }
            }
        }
        CrossbarSpec spec = CrossbarSpec.of(in, phys, "1T1R", 200).withAccessOnOhm(0);
        NodalModel nm = NodalModel.of(Crossbar.of(spec, g));
        double[] v = new double[in];
        double[] mean = new double[in];
        for (int i = 0; i < in; i++) {
            v[i] = q.inputCode(0, x[i]);
            mean[i] = 1;
        }
        double[] cur = new double[phys];
        nm.columnCurrents(v, cur);
        // the word-line gain: every row at the same input, the bit lines ideal
        double[] wl = new double[phys];
        NodalModel.of(Crossbar.of(spec.withColWireOhm(0), g)).columnCurrents(mean, wl);
        double[] ideal = new double[phys];
        for (int pc = 0; pc < phys; pc++) {
            for (int i = 0; i < in; i++) {
                ideal[pc] += g[i * phys + pc];
            }
        }
        for (int j = 0; j < out; j++) {
            double z = 0;
            for (int s = 0; s < map.slices(); s++) {
                for (int d = 0; d < 2; d++) {
                    int pc = (j * map.slices() + s) * 2 + d;
                    z += map.sliceWeight(s) * (d == 0 ? 1 : -1) * cur[pc] / (wl[pc] / ideal[pc]) / dG;
                }
            }
            double expect = z * q.outputScale(0, j);
            assertEquals(expect, y[j], 1e-9 * Math.abs(expect), "column " + j);
        }
    }

    @Test
    void chargeSettlingFollowsTheColumnOde() {
        String base = """
                  device: {kind: pcm}
                  domain: {kind: charge}
                  array: {rows: 6, cols: 2}
                  dac: {kind: pwm, bits: 3}
                  adc: {kind: ideal, bits: 8}
                  mapping: {weight_bits: 3, bits_per_cell: 2, signed: differential}
                  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0,
                    nonlinearity: 0, circuit_mismatch: 0, circuit_noise: 0}
                """;
        SweepPlan plan = plan(base);
        double[] w = {0.9, -0.4, 0.2, 1.0, -0.7, 0.5};
        Network net = new Network(List.of(new DenseLayer(6, 1, w, new double[1])));
        QuantisedNetwork q = QuantisedNetwork.of(net, 3, 3, new double[] {1});
        ChipPhysics rc = new ChipPhysics(3000, 3e-13);
        SimulatedChip chip = SimulatedChip.of(plan, 0, 1, false, 0, rc, null);
        chip.program(q);
        double[] x = {0.3, 0.9, 0.55, 0.05, 0.7, 1.0};
        double[] y = new double[1];
        chip.run(0, x, 1, y);
        // reference: each device column integrated by RK4, minus the ideal charge, on top of the exact product
        HardwarePoint p = HardwarePoint.of(plan, 0);
        var c = p.context();
        double dG = c.deviceErrors.levelStepS;
        double base0 = c.device.params().gMinS / dG;
        double cap = c.tech.wireCapF(6 * c.cellPitchM()) + 3e-13;
        double beta = cap / (1e-9 * dG);
        double gamma = 1 / (3000 * dG);
        double[] tau = new double[6];
        double exact = 0;
        double[] qp = new double[6];
        double[] qm = new double[6];
        for (int i = 0; i < 6; i++) {
            tau[i] = q.inputCode(0, x[i]);
            int wi = q.weight(0, i, 0);
            qp[i] = base0 + Math.max(wi, 0);
            qm[i] = base0 + Math.max(-wi, 0);
            exact += tau[i] * wi;
        }
        double settled = PhysicsGradientTest.integrate(qp, tau, beta, gamma, 7, 70_000)
                - PhysicsGradientTest.integrate(qm, tau, beta, gamma, 7, 70_000);
        double expect = settled * q.outputScale(0, 0);
        assertEquals(expect, y[0], 1e-5 * Math.abs(expect));
        assertTrue(Math.abs(settled - exact) > 0.01 * Math.abs(exact), "settling is visible: " + settled + " vs " + exact);
    }
}
