package org.aimc.sim.crossbar;

/** Current-voltage laws of one crossbar cell under each access structure. */
final class CellLaws {
    private CellLaws() {
    }

    /**
     * Effective conductance of every cell of a linear crossbar (0T1R: G; 1T1R: G in series with the access
     * transistor's on-resistance, G / (1 + G R_on), and 0 in a deselected row). Row-major.
     */
    static double[] linearConductances(Crossbar xb) {
        CrossbarSpec s = xb.spec();
        if (!s.linear()) {
            throw new IllegalStateException("access " + s.access() + " is not linear");
        }
        int m = s.rows();
        int n = s.cols();
        double[] g = xb.conductancesS();
        boolean t1r = s.access().equals("1T1R");
        double ron = s.accessOnOhm();
        for (int i = 0; i < m; i++) {
            boolean on = xb.rowSelected(i);
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                if (!on) {
                    g[k] = 0;
                } else if (t1r) {
                    g[k] = g[k] / (1 + g[k] * ron);
                }
            }
        }
        return g;
    }

    /**
     * Current through a selector I = I0 sinh(V_s / V0) in series with a conductance G, at total voltage V,
     * and its derivative dI/dV = 1 / (1/G + 1/g_sel(V_s)), g_sel = (I0 / V0) cosh(V_s / V0). The selector
     * voltage solves h(V_s) = I0 sinh(V_s/V0) - G(|V| - V_s) = 0; h is increasing and convex on V_s >= 0, so
     * Newton's method started right of the root, at V_s = min(|V|, V0 asinh(G|V| / I0)) (the selector
     * voltage at the largest current the cell could carry), descends monotonically onto it.
     *
     * @param out {@code out[0]} = I (A), {@code out[1]} = dI/dV (S); modified
     */
    static void seriesSelector(double v, double g, double i0, double v0, double[] out) {
        if (g == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double a = Math.abs(v);
        if (a == 0) {
            out[0] = 0;
            out[1] = 1.0 / (1.0 / g + v0 / i0);
            return;
        }
        double vs = Math.min(a, v0 * asinh(g * a / i0));
        for (int it = 0; it < CrossbarTolerances.SELECTOR_MAX_ITERATIONS; it++) {
            double sh = Math.sinh(vs / v0);
            double h = i0 * sh - g * (a - vs);
            double dh = i0 / v0 * Math.cosh(vs / v0) + g;
            double step = h / dh;
            if (!(step > 0)) {
                break;
            }
            double next = vs - step;
            if (next >= vs || next <= 0 && vs <= 0) {
                break;
            }
            vs = Math.max(next, 0);
            if (step <= 1e-16 * Math.max(vs, v0)) {
                break;
            }
        }
        double cur = i0 * Math.sinh(vs / v0);
        double gsel = i0 / v0 * Math.cosh(vs / v0);
        out[0] = Math.copySign(cur, v);
        out[1] = 1.0 / (1.0 / g + 1.0 / gsel);
    }

    /** Inverse hyperbolic sine of x &gt;= 0, accurate for small x and safe for large x. */
    static double asinh(double x) {
        if (x > 1e150) {
            return Math.log(x) + Math.log(2);
        }
        return Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
    }
}
