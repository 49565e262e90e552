package org.aimc.sim.hat;

/**
 * Differentiable IR drop of one bit line (physics.md §5.1): M cells of conductance g_i (row 0 farthest from
 * the sense amplifier, row M-1 next to it) tie their row voltages V_i to a column line of segment resistance
 * r that a virtual ground holds at 0 V below row M-1. The nodal equations of the line are linear in the
 * inputs, so the column current is {@code I = Σ_i t_i V_i} with transfer conductances
 * <pre>
 *   t_i = g_i (1 - a_i),   K a = r g,   K = L + r diag(g)   (exact ladder)
 *   t_i = g_i (1 - r h_i), L h = g                          (first order in r)
 * </pre>
 * where L is the line's Laplacian in units of 1/r over the M-1 nodes above the sense node (tridiagonal,
 * diagonal 1, 2, ..., 2, off-diagonal -1): L^-1 is the Green's function M - max(i, l) (1-based), so the
 * first-order form is exactly the tier-B factors of {@code org.aimc.sim.domain.IrDropFactors} and the exact
 * form is the {@code segmented} IR-drop tier's bit line.
 *
 * <p>Gradient: for upstream {@code c_i = ∂L/∂t_i} one adjoint solve with the same factorization,
 * {@code K λ = r (c ⊙ g)} (K is symmetric), gives {@code ∂L/∂g_i = (1 - a_i)(c_i - λ_i)} for the exact
 * ladder and {@code c_i (1 - r h_i) - λ_i} for the first-order one (where K = L). Cost O(M) per column for
 * both. Not thread-safe (scratch buffers sized for the longest line seen).
 */
public final class BitLineLadder {
    /** How the line is solved. */
    public enum Mode {
        /** Linear in r: the tier-B (analytic) bit-line factors. */
        FIRST_ORDER,
        /** The exact resistive ladder (segmented tier). */
        EXACT
    }

    private final Mode mode;
    private final double wireOhm;
    private double[] rhs = new double[0];

    /**
     * @param mode    solution of the line
     * @param wireOhm segment resistance r, ohm (≥ 0; 0 gives t = g)
     */
    public BitLineLadder(Mode mode, double wireOhm) {
        if (!(wireOhm >= 0) || Double.isInfinite(wireOhm)) {
            throw new IllegalArgumentException("wire resistance must be finite and >= 0 ohm, got " + wireOhm);
        }
        this.mode = mode;
        this.wireOhm = wireOhm;
    }

    public Mode mode() {
        return mode;
    }

    public double wireOhm() {
        return wireOhm;
    }

    /**
     * Transfer conductances of a line: {@code t[i] = g[i] (1 - a[i])}. Writes {@code a[0..m)} (the relative
     * loss of each cell), {@code t[0..m)} and the line's factorization into {@code pivots[0..m-1)}, all kept
     * for {@link #backward}; reads {@code g[0..m)} (S).
     */
    public void forward(double[] g, int m, double[] a, double[] t, double[] pivots) {
        if (m == 0) {
            return;
        }
        if (wireOhm == 0 || m == 1) {
            java.util.Arrays.fill(a, 0, m, 0);
        } else {
            factor(g, m, pivots);
            double[] b = scratch(m - 1);
            for (int i = 0; i < m - 1; i++) {
                b[i] = wireOhm * g[i];
            }
            solve(m - 1, pivots, b, a);
            a[m - 1] = 0;
        }
        for (int i = 0; i < m; i++) {
            t[i] = g[i] * (1 - a[i]);
        }
    }

    /**
     * Adds {@code ∂L/∂g} to {@code dg[0..m)} given {@code c[i] = ∂L/∂t[i]}, by one adjoint solve with the
     * factorization {@code pivots} and the losses {@code a} that {@link #forward} left for the same
     * {@code g}. Overwrites {@code lambda[0..m)}.
     */
    public void backward(double[] g, int m, double[] a, double[] pivots, double[] c, double[] lambda, double[] dg) {
        if (m == 0) {
            return;
        }
        if (wireOhm == 0 || m == 1) {
            for (int i = 0; i < m; i++) {
                dg[i] += c[i];
            }
            return;
        }
        double[] b = scratch(m - 1);
        for (int i = 0; i < m - 1; i++) {
            b[i] = wireOhm * c[i] * g[i];
        }
        solve(m - 1, pivots, b, lambda);
        lambda[m - 1] = 0;
        if (mode == Mode.EXACT) {
            for (int i = 0; i < m; i++) {
                dg[i] += (1 - a[i]) * (c[i] - lambda[i]);
            }
        } else {
            for (int i = 0; i < m; i++) {
                dg[i] += c[i] * (1 - a[i]) - lambda[i];
            }
        }
    }

    private double[] scratch(int n) {
        if (rhs.length < n) {
            rhs = new double[n];
        }
        return rhs;
    }

    /**
     * Factors K (exact) or L (first order) of a line of m cells, m - 1 unknown nodes: the pivots of Thomas'
     * algorithm. Node 0 is the open far end (one segment), the others have two (the last one's second segment
     * ends at the sense node); the off-diagonals are -1.
     */
    private void factor(double[] g, int m, double[] pivot) {
        int n = m - 1;
        boolean exact = mode == Mode.EXACT;
        for (int i = 0; i < n; i++) {
            double d = (i == 0 ? 1 : 2) + (exact ? wireOhm * g[i] : 0);
            pivot[i] = i == 0 ? d : d - 1 / pivot[i - 1];
        }
    }

    /** Solves the factored system for {@code b[0..n)} into {@code x[0..n)} ({@code b} is overwritten). */
    private static void solve(int n, double[] pivot, double[] b, double[] x) {
        for (int i = 1; i < n; i++) {
            b[i] += b[i - 1] / pivot[i - 1];
        }
        x[n - 1] = b[n - 1] / pivot[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            x[i] = (b[i] + x[i + 1]) / pivot[i];
        }
    }
}
