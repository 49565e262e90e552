package org.aimc.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The tier-B first-order IR drop against the exact solution of one column: M cells inject g_i (V_i - v_i)
 * into a bit line of segment resistance r held at 0 V at row M (the virtual ground); Kirchhoff's current
 * law at each node is a tridiagonal system, solved here by the Thomas algorithm. The first-order error of
 * the column current must match the exact one up to terms of second order in r G M^2.
 */
class IrDropFactorsTest {
    /** Exact column current of conductances g, row voltages vIn, segment r (node M-1 at ground). */
    static double exactCurrent(double[] g, double[] vIn, double r) {
        int m = g.length;
        int n = m - 1; // unknowns v_0..v_{m-2}; v_{m-1} = 0
        double gw = 1 / r;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            // g_i (V_i - v_i) + gw (v_{i-1} - v_i) + gw (v_{i+1} - v_i) = 0 (no segment above row 0)
            a[i] = i > 0 ? -gw : 0;
            b[i] = g[i] + (i > 0 ? gw : 0) + gw;
            c[i] = i < n - 1 ? -gw : 0;
            d[i] = g[i] * vIn[i];
        }
        for (int i = 1; i < n; i++) {
            double w = a[i] / b[i - 1];
            b[i] -= w * c[i - 1];
            d[i] -= w * d[i - 1];
        }
        double[] v = new double[m];
        v[n - 1] = d[n - 1] / b[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            v[i] = (d[i] - c[i] * v[i + 1]) / b[i];
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += g[i] * (vIn[i] - v[i]);
        }
        return total;
    }

    @Test
    void firstOrderMatchesTheExactColumnToSecondOrder() {
        UniformRandomProvider rnd = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        int m = 256;
        double[] g = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            g[i] = 1e-6 + 39e-6 * rnd.nextDouble();
            v[i] = rnd.nextDouble() < 0.5 ? 0 : 0.2 * rnd.nextDouble();
        }
        double ideal = 0;
        for (int i = 0; i < m; i++) {
            ideal += g[i] * v[i];
        }
        for (double r : new double[] {0.01, 0.05, 0.35}) {
            double[] f = new double[m];
            IrDropFactors.factors(g, r, f);
            double first = 0;
            for (int i = 0; i < m; i++) {
                first += g[i] * v[i] * f[i];
            }
            double exact = exactCurrent(g, v, r);
            double eps = r * 20e-6 * m * m / 2; // r G M^2 / 2, the scale of the relative drop
            double drop = ideal - exact;
            assertTrue(drop > 0, "IR drop lowers the current");
            // the first-order drop is exact to O(eps^2) relative to the signal
            assertEquals(drop, ideal - first, 2 * eps * eps * ideal, "r = " + r);
        }
    }
}
