package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Resistive division obeys Millman's theorem exactly, V = sum_i G_i V_i / (sum_i G_i + G_L), for random
 * programmed conductances (the node value the tier-B simulator converts, recomputed from the devices), and
 * its output compresses against the linear MAC unless the ratio is inverted.
 */
class ResistiveDivisionTest {
    static final String IDEAL = "  device: {kind: rram}\n  domain: {kind: resistive-division, access_r_on_ohm: 0%s}\n"
            + "  array: {rows: 64, cols: 8}\n  dac: {kind: %s, bits: %d}\n  adc: {kind: ideal}\n"
            + "  mapping: {weight_bits: 3, bits_per_cell: 2, signed: offset}\n"
            + "  nonideal: {programming_noise: 3, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, "
            + "nonlinearity: 0, temperature: 0, circuit_mismatch: 0, "
            + "circuit_noise: 0}\n";

    @Test
    void nodeVoltageIsMillmansRatioForRandomConductances() {
        for (String dac : new String[] {"bit-serial", "amplitude"}) {
            Tiles.Point p = Tiles.point(String.format(IDEAL, "", dac, 4));
            TileContext c = p.c();
            ResistiveDivisionDomain.Model m = (ResistiveDivisionDomain.Model) p.model();
            int[][] w = Tiles.weights(c, 64, c.weightColumns(), 7);
            ResistiveDivisionDomain.Tile t = (ResistiveDivisionDomain.Tile) m.behaviour(c, w, new ChipKey(1, 1, 1));
            ResistiveDivisionDomain.Design d = t.design();
            ProgrammedArray arr = t.array();
            double dG = arr.levelStepS;
            double gLoad = d.lambda * dG;
            UniformRandomProvider r = KeyedRandom.stream(5, 0, Purpose.DATA, 0);
            double vr = c.device.params().readVoltageV;
            for (int trial = 0; trial < 50; trial++) {
                double[] u = new double[64];
                for (int i = 0; i < 64; i++) {
                    u[i] = dac.equals("bit-serial") ? r.nextInt(2) : r.nextInt(16);
                }
                int j = r.nextInt(arr.cols);
                // Millman from the programmed device conductances: bit-serial inputs connect a row's cell to V_r
                // or leave it open; amplitude inputs drive every cell to V_r u / 15
                double num = 0;
                double den = gLoad;
                for (int i = 0; i < 64; i++) {
                    double g = arr.conductanceS(arr.index(i, j, 0, 0));
                    if (dac.equals("bit-serial")) {
                        if (u[i] == 1) {
                            num += g * vr;
                            den += g;
                        }
                    } else {
                        num += g * vr * u[i] / 15;
                        den += g;
                    }
                }
                double millman = num / den;
                double node = t.nodeVoltage(t.channel(j, 0, 0), u) * vr;
                assertEquals(millman, node, 1e-12 * Math.abs(millman), dac + " trial " + trial);
            }
        }
    }

    @Test
    void theDividerCompressesTheSumUnlessInverted() {
        // one column, all weights at the top level, one input bit: the sum is the number of rows on
        String base = "  device: {kind: rram}\n  domain: {kind: resistive-division, access_r_on_ohm: 0, invert_millman: %d}\n"
                + "  array: {rows: 64, cols: 2}\n  dac: {kind: bit-serial, bits: 1}\n  adc: {kind: ideal}\n"
                + "  mapping: {weight_bits: 3, bits_per_cell: 2, signed: offset}\n"
                + "  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, stuck_at: 0, "
                + "nonlinearity: 0, temperature: 0, circuit_mismatch: 0, circuit_noise: 0}\n";
        double[] linear = new double[65];
        double[] inverted = new double[65];
        for (int inv = 0; inv <= 1; inv++) {
            Tiles.Point p = Tiles.point(String.format(base, inv));
            int[][] w = new int[64][1];
            for (int[] row : w) {
                row[0] = 3;
            }
            TileSimulator t = TileSimulator.program(p.c(), p.model(), w, new ChipKey(1, 1, 1));
            int[][] x = new int[65][64];
            for (int n = 0; n <= 64; n++) {
                for (int i = 0; i < n; i++) {
                    x[n][i] = 1;
                }
            }
            double[][] y = new double[65][1];
            t.mvm(x, y);
            for (int n = 0; n <= 64; n++) {
                (inv == 0 ? linear : inverted)[n] = y[n][0];
            }
        }
        double worst = 0;
        for (int n = 0; n <= 64; n++) {
            assertEquals(3.0 * n, inverted[n], 1e-9 * (1 + n), "inverted ratio reproduces the MAC, n = " + n);
            worst = Math.max(worst, Math.abs(linear[n] - 3.0 * n) / (3.0 * 64));
        }
        // the linear read-out is the tangent at the mean sum: exact there, below the MAC on both sides (the
        // divider is concave), by a fraction of full scale that grows with the distance
        System.out.printf("linear read-out of the divider: worst deviation %.1f %% of full scale; at n = 64: %.2f vs %.0f%n",
                100 * worst, linear[64], 3.0 * 64);
        assertTrue(linear[64] < 3 * 64 && linear[0] < 0, "compressed at both ends");
        assertTrue(worst > 0.05, "compression is visible: " + worst);
    }

    /**
     * A divider node whose inputs are less active than the statistics its converter was designed for (real
     * ReLU-fed activations against the operand model) sits lower on the divider. Its converter's low reference
     * is the node's ground, so those conversions are not clipped: the output keeps its gain and an error of
     * the size the analytic budget gives for the quieter inputs. (A window of ±clip_sigma around the design
     * mean clipped them to its bottom code: gain -1.00 with the inputs below.)
     */
    @Test
    void aNodeQuieterThanItsDesignIsNotClipped() {
        String base = "  device: {kind: rram}\n  domain: {kind: resistive-division}\n"
                + "  array: {rows: 256, cols: 64}\n  dac: {kind: bit-serial, bits: 8}\n  adc: {kind: sar, bits: 8}\n"
                + "  mapping: {weight_bits: 8, bits_per_cell: 2, signed: differential}\n"
                + "  data: {input_zero_fraction: 0}\n";
        Tiles.Point design = Tiles.point(base);
        Tiles.Point quiet = Tiles.point(base, "data.input_zero_fraction=0.8");
        TileContext c = design.c();
        int rows = c.computeRows();
        int cols = c.weightColumns();
        int[][] w = Tiles.weights(c, rows, cols, 41);
        int[][] x = Tiles.inputs(quiet.c(), 64, rows, 42);
        TileSimulator t = TileSimulator.program(c, design.model(), w, new ChipKey(41, 0, 0));
        double[][] y = new double[x.length][cols];
        t.mvm(x, y);
        double[][] exact = Tiles.ideal(w, x);
        double[] m = new double[5];
        Tiles.errorMoments(y, exact, m);
        double ee = m[0];
        double yy = m[1];
        double ey = m[2];
        double gain = ey / yy;
        double rel = Math.sqrt(ee / yy);
        double analytic = quiet.budget().relativeError();
        assertEquals(0, gain, 0.05, "output gain error");
        assertTrue(rel < 2 * analytic, "error " + rel + " against the analytic " + analytic + " of the quiet inputs");
    }
}
