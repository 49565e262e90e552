package org.aimc.sim.domain;

/**
 * First-order bit-line IR drop of a programmed column as static per-cell factors (tier B of
 * {@code nonideal.ir_drop: analytic}, the counterpart of {@link ColumnSumErrors#irDropVariance}). A column
 * of M cells sensed at row M by a virtual ground, segment resistance r: the segment between rows m and m+1
 * carries the currents of rows 1..m, so row i's bit line sits at v_i = r sum_l I_l (M - max(i, l)). To first
 * order I_l = g_l V_l, and the currents the cells lose, sum_i g_i v_i, regroup by the row whose current
 * causes them: the column current becomes sum_l g_l V_l (1 - r h_l) with h_l = sum_i g_i (M - max(i, l)) —
 * linear in the inputs, a static factor per cell. Word-line drops are not included (as in the analytic
 * tier, which counts them as a per-column gain).
 */
final class IrDropFactors {
    private IrDropFactors() {
    }

    /**
     * Writes into {@code f[i]} the factor 1 - r h_i of each cell of a column with conductances {@code g}
     * (S, rows 0..M-1, row M-1 next to the sense amplifier), wire segment {@code r} ohm.
     */
    static void factors(double[] g, double r, double[] f) {
        int m = g.length;
        // h_i = (M - i) P_i + T_i with 1-based i, P_i = sum_{l<=i} g_l, T_i = sum_{l>i} g_l (M - l)
        double suffix = 0;
        double[] t = f;
        for (int i = m; i >= 1; i--) {
            t[i - 1] = suffix;
            suffix += g[i - 1] * (m - i);
        }
        double prefix = 0;
        for (int i = 1; i <= m; i++) {
            prefix += g[i - 1];
            double h = (m - i) * prefix + t[i - 1];
            f[i - 1] = 1 - r * h;
        }
    }
}
