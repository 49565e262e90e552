package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aimc.sim.cost.Technology;
import org.junit.jupiter.api.Test;

/**
 * Temporal circuit noise of the tier-B simulator against its closed forms (physics.md §5.6), 100 000
 * samples each: kT/C noise of a charge-sharing node, sigma_v = sqrt(k T / C); accumulated stage jitter of
 * a delay chain, sigma_T = sigma_j sqrt(N). Both within 2 %.
 */
class CircuitNoiseTest {
    static final String OFF = "  nonideal: {programming_noise: 0, read_noise: 0, drift: 0, ir_drop: none, "
            + "stuck_at: 0, nonlinearity: 0, temperature: 0, circuit_mismatch: 0, circuit_noise: 1}\n  adc: {kind: ideal}\n";

    /** Output-noise variance of a tile at zero input, {@code vectors} vectors of all its columns. */
    static double[] zeroInputNoise(Tiles.Point p, int vectors) {
        TileContext c = p.c();
        int rows = c.spec.array().rows();
        int[][] w = Tiles.weights(c, rows, c.weightColumns(), 4);
        TileSimulator t = TileSimulator.program(c, p.model(), w, new ChipKey(9, 0, 0));
        int[][] x = new int[vectors][rows];
        double[][] y = new double[vectors][c.weightColumns()];
        t.mvm(x, y);
        double s = 0;
        double s2 = 0;
        long n = 0;
        for (double[] row : y) {
            for (double v : row) {
                s += v;
                s2 += v * v;
                n++;
            }
        }
        double mean = s / n;
        return new double[] {s2 / n - mean * mean, n};
    }

    @Test
    void kTcNoiseOfTheSharedNodeIsSqrtKTOverC() {
        // one slice (2-bit weights, offset mapping: w + 1 in 0..2 needs 2 slices; use 1-bit cells, weights of
        // 2 bits) — the output is n_0 + 2 n_1, each slice's node noise independent
        Tiles.Point p = Tiles.point("  device: {kind: sram}\n  domain: {kind: charge-redistribution}\n"
                + "  array: {rows: 64, cols: 64}\n  dac: {kind: bit-serial, bits: 1}\n"
                + "  mapping: {weight_bits: 2, bits_per_cell: 1, signed: offset}\n" + OFF);
        TileContext c = p.c();
        double[] v = zeroInputNoise(p, 100_000 / c.weightColumns() + 1);
        double sigmaZ = Math.sqrt(v[0] / (1 + 4));
        ChargeRedistributionDomain.Model m = (ChargeRedistributionDomain.Model) p.model();
        double cTotal = m.denominatorF(c);
        double cUnit = 1e-15;
        // Z = V D / (C_u V_DD): back to volts on the node
        double sigmaV = sigmaZ * cUnit * c.tech.vddV() / cTotal;
        double expected = Math.sqrt(Technology.BOLTZMANN * 300 / cTotal);
        System.out.printf("kT/C on %.1f fF: sampled %.4g V, sqrt(kT/C) %.4g V (%d samples)%n", cTotal * 1e15, sigmaV,
                expected, (long) v[1]);
        assertEquals(expected, sigmaV, 0.02 * expected);
    }

    @Test
    void delayJitterAccumulatesAsSqrtN() {
        double sigmaJ = 2e-12;
        for (int rows : new int[] {16, 256}) {
            Tiles.Point p = Tiles.point("  device: {kind: sram}\n  domain: {kind: time, jitter_s: " + sigmaJ + "}\n"
                    + "  array: {rows: " + rows + ", cols: 64}\n  dac: {kind: bit-serial, bits: 1}\n"
                    + "  mapping: {weight_bits: 2, bits_per_cell: 1, signed: offset}\n" + OFF);
            TileContext c = p.c();
            double[] v = zeroInputNoise(p, 100_000 / c.weightColumns() + 1);
            double sigmaZ = Math.sqrt(v[0] / (1 + 4));
            double sigmaT = sigmaZ * 0.11e-9; // Z is in units of the delay step d_tau
            double expected = sigmaJ * Math.sqrt(rows);
            System.out.printf("jitter over %d stages: sampled %.4g s, sigma_j sqrt(N) %.4g s%n", rows, sigmaT, expected);
            assertEquals(expected, sigmaT, 0.02 * expected);
        }
    }
}
