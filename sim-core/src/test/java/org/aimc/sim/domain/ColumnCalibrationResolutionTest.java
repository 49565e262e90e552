package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The per-column calibration of tier B ({@link TileBehaviour}) is fitted to what its reference conversions can
 * show: the mean code over many conversions. Without temporal noise a converter offset below half an LSB
 * leaves every reference code where it was, so the calibration cannot see it (and must not subtract it from
 * every reading: that shifted each conversion of a quiet column off its code centre, a bias that adds up
 * coherently over the cycles and slices of a coarse converter); an offset of several LSB moves the codes and
 * is removed.
 */
class ColumnCalibrationResolutionTest {
    static final String BASE = "  device: {kind: sram}\n  domain: {kind: current}\n  array: {rows: 256, cols: 256}\n"
            + "  dac: {kind: bit-serial, bits: 8}\n  adc: {kind: sar, bits: 4}\n"
            + "  mapping: {weight_bits: 8, bits_per_cell: 1, signed: differential}\n";
    static final String[] QUIET = {"nonideal.programming_noise=0", "nonideal.read_noise=0", "nonideal.drift=0",
        "nonideal.stuck_at=0", "nonideal.ir_drop=none", "nonideal.nonlinearity=0", "nonideal.circuit_noise=0",
        "adc.inl_lsb=0", "adc.dnl_sigma_lsb=0", "adc.gain_sigma=0", "adc.noise_lsb=0", "adc.full_scale=max"};

    static Tiles.Point point(String offsetLsb, boolean calibrated) {
        String[] s = java.util.Arrays.copyOf(QUIET, QUIET.length + 2);
        s[QUIET.length] = "adc.offset_sigma_lsb=" + offsetLsb;
        s[QUIET.length + 1] = "operating.column_calibration=" + calibrated;
        return Tiles.point(BASE, s);
    }

    static double[][] run(Tiles.Point p, int[][] w, int[][] x) {
        TileSimulator t = TileSimulator.program(p.c(), p.model(), w, new ChipKey(7, 0, 0));
        double[][] y = new double[x.length][w[0].length];
        t.mvm(x, y);
        return y;
    }

    @Test
    void aSubLsbOffsetWithoutNoiseIsInvisibleToTheCalibration() {
        Tiles.Point off = point("0.1", false);
        Tiles.Point on = point("0.1", true);
        int rows = off.c().computeRows();
        int cols = off.c().weightColumns();
        int[][] w = Tiles.weights(off.c(), rows, cols, 3);
        int[][] x = Tiles.inputs(off.c(), 8, rows, 4);
        x[0] = new int[rows]; // a quiet input: every conversion reads a zero sum
        double[][] yOff = run(off, w, x);
        double[][] yOn = run(on, w, x);
        for (int v = 0; v < x.length; v++) {
            assertArrayEquals(yOff[v], yOn[v], 0.0, "vector " + v);
        }
        for (int j = 0; j < cols; j++) {
            assertEquals(0.0, yOn[0][j], 0.0, "column " + j + " of the zero input");
        }
    }

    @Test
    void anOffsetOfSeveralLsbIsRemoved() {
        Tiles.Point off = point("3", false);
        Tiles.Point on = point("3", true);
        double[] eOff = Tiles.monteCarlo(off, 1, 16, 5);
        double[] eOn = Tiles.monteCarlo(on, 1, 16, 5);
        double rOff = Math.sqrt(eOff[0] / eOff[1]);
        double rOn = Math.sqrt(eOn[0] / eOn[1]);
        assertTrue(rOn < 0.5 * rOff, "calibrated " + rOn + " vs uncalibrated " + rOff);
    }
}
