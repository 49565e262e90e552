package org.aimc.sim.domain;

/**
 * Tier-B set-up shared by the domains whose column sums conductance x input (current and charge domains):
 * per-cell contributions in units of the level step, with the first-order IR drop, and the converter
 * ranges of the slice conversions.
 */
final class LinearColumns {
    private LinearColumns() {
    }

    /**
     * Fills {@code t.contrib}: a_i = (g+_i f+_i - g-_i f-_i) / ΔG for differential pairs, (g_i f_i - g_min) / ΔG
     * for offset mappings (a reference column removes g_min sum u), f the IR-drop factors of each device's
     * own column for wire segment {@code wireOhm} (1 when 0).
     */
    static void fill(TileBehaviour t, ProgrammedArray arr, double wireOhm) {
        int rows = arr.rows;
        double[] g = new double[rows];
        double[] f = new double[rows];
        java.util.Arrays.fill(f, 1);
        double dG = arr.levelStepS;
        for (int j = 0; j < arr.cols; j++) {
            for (int s = 0; s < arr.slices; s++) {
                int ch = t.channel(j, s, 0);
                for (int d = 0; d < arr.devices; d++) {
                    for (int i = 0; i < rows; i++) {
                        g[i] = arr.conductanceS(arr.index(i, j, s, d));
                    }
                    if (wireOhm > 0) {
                        IrDropFactors.factors(g, wireOhm, f);
                    }
                    double sign = d == 0 ? 1 : -1;
                    for (int i = 0; i < rows; i++) {
                        double v = wireOhm > 0 ? (g[i] * f[i] - arr.gMinS) / dG : arr.state(arr.index(i, j, s, d));
                        t.contrib[i][ch] += sign * v;
                    }
                }
            }
        }
    }

    /** Converter ranges of the slice conversions from the operand statistics ({@link Readouts#linearRange}). */
    static void ranges(TileBehaviour t) {
        TileContext c = t.c;
        Readouts.Inputs in = Readouts.inputs(c);
        Readouts.Range r = new Readouts.Range();
        for (int s = 0; s < t.slices; s++) {
            Readouts.Digit d = Readouts.difference(c, s);
            double zMin = t.rows * in.uMax() * Math.min(d.min(), 0);
            double zMax = t.rows * in.uMax() * Math.max(d.max(), 0);
            Readouts.linearRange(c, Readouts.mean(in, d, t.rows), Math.sqrt(Readouts.variance(in, d, t.rows)), zMin,
                    zMax, r);
            t.setRange(s, 0, r);
        }
    }
}
