package org.aimc.sim.hat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.aimc.sim.crossbar.Crossbar;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Every physical model of the training family against an independent reference and its gradient against
 * central finite differences: the bit-line ladder (first order: the Green's-function closed form of the
 * tier-B factors; exact: the crossbar nodal solver with ideal word lines), the RC settling of a charge-domain
 * column (a fine Runge-Kutta integration of its ODE) and the Millman divider's read-out.
 */
class PhysicsGradientTest {
    static UniformRandomProvider rng(long seed) {
        return KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
    }

    /** Central difference of f at x with step h. */
    static double fd(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    static double[] conductances(int m, long seed) {
        UniformRandomProvider r = rng(seed);
        double[] g = new double[m];
        for (int i = 0; i < m; i++) {
            g[i] = 1e-6 + 39e-6 * r.nextDouble();
        }
        return g;
    }

    /** Σ c_i t_i(g) of a line. */
    static double lineLoss(BitLineLadder l, double[] g, double[] c) {
        int m = g.length;
        double[] a = new double[m];
        double[] t = new double[m];
        l.forward(g, m, a, t, new double[m]);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += c[i] * t[i];
        }
        return s;
    }

    @Test
    void firstOrderLadderIsTheGreensFunctionOfTheTierBFactors() {
        int m = 64;
        double r = 0.35;
        double[] g = conductances(m, 1);
        double[] a = new double[m];
        double[] t = new double[m];
        new BitLineLadder(BitLineLadder.Mode.FIRST_ORDER, r).forward(g, m, a, t, new double[m]);
        for (int i = 1; i <= m; i++) {
            // h_i = Σ_l g_l (M - max(i, l)), 1-based (org.aimc.sim.domain.IrDropFactors)
            double h = 0;
            for (int l = 1; l <= m; l++) {
                h += g[l - 1] * (m - Math.max(i, l));
            }
            assertEquals(r * h, a[i - 1], 1e-13 * Math.max(r * h, 1e-12), "row " + i);
        }
    }

    @Test
    void exactLadderIsTheNodalSolutionOfOneBitLine() {
        int m = 128;
        double r = 2.5;
        double[] g = conductances(m, 2);
        double[] a = new double[m];
        double[] t = new double[m];
        new BitLineLadder(BitLineLadder.Mode.EXACT, r).forward(g, m, a, t, new double[m]);
        // one column, ideal word lines, ideal driver and virtual ground, no access device
        CrossbarSpec spec = CrossbarSpec.of(m, 1, "0T1R", 0).withColWireOhm(r);
        NodalModel nm = NodalModel.of(Crossbar.of(spec, g));
        UniformRandomProvider rr = rng(3);
        double[] v = new double[m];
        double expected = 0;
        for (int i = 0; i < m; i++) {
            v[i] = 0.2 * rr.nextDouble();
            expected += t[i] * v[i];
        }
        double[] out = new double[1];
        nm.columnCurrents(v, out);
        assertEquals(out[0], expected, 1e-9 * Math.abs(out[0]));
        // the drop is large here: the exact ladder saturates where first order does not
        double[] a1 = new double[m];
        new BitLineLadder(BitLineLadder.Mode.FIRST_ORDER, r).forward(g, m, a1, new double[m], new double[m]);
        assertTrue(a1[0] > a[0] * 1.1, "first order overshoots at the far end: " + a1[0] + " vs " + a[0]);
    }

    @Test
    void ladderGradientsMatchFiniteDifferences() {
        for (BitLineLadder.Mode mode : BitLineLadder.Mode.values()) {
            int m = 40;
            BitLineLadder l = new BitLineLadder(mode, 3.0);
            double[] g = conductances(m, 4);
            double[] c = new double[m];
            UniformRandomProvider r = rng(5);
            for (int i = 0; i < m; i++) {
                c[i] = r.nextDouble() - 0.5;
            }
            double[] a = new double[m];
            double[] t = new double[m];
            double[] piv = new double[m];
            l.forward(g, m, a, t, piv);
            double[] dg = new double[m];
            l.backward(g, m, a, piv, c, new double[m], dg);
            for (int i = 0; i < m; i++) {
                int k = i;
                double keep = g[k];
                double num = fd(x -> {
                    g[k] = x;
                    double v = lineLoss(l, g, c);
                    g[k] = keep;
                    return v;
                }, keep, 1e-4 * keep);
                assertEquals(num, dg[i], 1e-6 * Math.max(Math.abs(num), 1e-3), mode + " row " + i);
            }
        }
    }

    /** The column charge by RK4 on a fine grid (the reference): β dν/dθ = S(θ) - ν (S(θ) + γ), Z = γ ∫ ν. */
    static double integrate(double[] q, double[] tau, double beta, double gamma, double window, int steps) {
        double h = window / steps;
        double v = 0;
        double z = 0;
        for (int k = 0; k < steps; k++) {
            double t0 = k * h;
            // the pulse ends fall on grid points in the tests, so S is constant within a step
            double s = 0;
            for (int i = 0; i < q.length; i++) {
                if (tau[i] > t0 + 1e-12) {
                    s += q[i];
                }
            }
            double ss = s;
            DoubleUnaryOperator f = x -> (ss - x * (ss + gamma)) / beta;
            double k1 = f.applyAsDouble(v);
            double k2 = f.applyAsDouble(v + 0.5 * h * k1);
            double k3 = f.applyAsDouble(v + 0.5 * h * k2);
            double k4 = f.applyAsDouble(v + h * k3);
            double vn = v + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            // ∫ν over the step by Simpson on the RK stages' end points (the solution is smooth within a step)
            double mid = v + 0.5 * h * (k1 + k2) / 2;
            z += gamma * h / 6 * (v + 4 * mid + vn);
            v = vn;
        }
        return z;
    }

    /** Z of one column through {@link SettlingColumns} (a batch of one, one column). */
    static double settle(ChargeSettling rc, double[] q, double[] tau) {
        SettlingColumns c = new SettlingColumns(rc);
        double[] z = new double[1];
        c.forward(tau, 1, tau.length, q, 1, z);
        return z[0];
    }

    @Test
    void rcSettlingSolvesItsOde() {
        double[] q = {3, 7.5, 1.2, 9, 4.4, 0.3};
        double[] tau = {2, 5, 0, 7, 5, 3};
        double beta = 6;
        double gamma = 20;
        ChargeSettling rc = new ChargeSettling(beta, gamma, 7);
        double exact = settle(rc, q, tau);
        double ref = integrate(q, tau, beta, gamma, 7, 70_000);
        assertEquals(ref, exact, 1e-6 * Math.abs(ref));
        // ideal limit: no capacitance to speak of and a stiff virtual ground give Σ q τ
        double ideal = 0;
        for (int i = 0; i < q.length; i++) {
            ideal += q[i] * tau[i];
        }
        ChargeSettling stiff = new ChargeSettling(1e-9, 1e9, 7);
        assertEquals(ideal, settle(stiff, q, tau), 1e-6 * ideal);
        // a finite input resistance compresses: less charge than ideal, and less the more rows are on
        assertTrue(exact < ideal);
    }

    @Test
    void rcSettlingGradientsMatchFiniteDifferences() {
        double[] q = {3, 7.5, 1.2, 9, 4.4, 0.3, 2.2};
        double[] tau = {2.3, 5.1, 0, 7, 4.7, 3.9, 6.2};
        ChargeSettling rc = new ChargeSettling(4, 15, 7);
        SettlingColumns c = new SettlingColumns(rc);
        double[] dq = new double[q.length];
        double[] du = new double[q.length];
        c.backward(tau, 1, q.length, q, 1, new double[] {1}, dq, du);
        for (int i = 0; i < q.length; i++) {
            int k = i;
            double kq = q[k];
            double nq = fd(x -> {
                q[k] = x;
                double v = settle(rc, q, tau);
                q[k] = kq;
                return v;
            }, kq, 1e-5);
            assertEquals(nq, dq[i], 1e-7 * Math.max(1, Math.abs(nq)), "dZ/dq of row " + i);
            double kt = tau[k];
            if (kt > 0 && kt < 7) {
                double nt = fd(x -> {
                    tau[k] = x;
                    double v = settle(rc, q, tau);
                    tau[k] = kt;
                    return v;
                }, kt, 1e-5);
                assertEquals(nt, du[i], 1e-6 * Math.max(1, Math.abs(nt)), "dZ/dtau of row " + i);
            } else if (kt >= 7) {
                assertEquals(0, du[i], 0.0, "a pulse filling the window");
            } else {
                // a zero-width pulse: the right derivative
                double right = (settleAt(rc, q, tau, k, 1e-6) - settle(rc, q, tau)) / 1e-6;
                assertEquals(right, du[i], 1e-4 * Math.max(1, Math.abs(right)), "right derivative of row " + i);
            }
        }
    }

    static double settleAt(ChargeSettling rc, double[] q, double[] tau, int k, double v) {
        double keep = tau[k];
        tau[k] = v;
        double z = settle(rc, q, tau);
        tau[k] = keep;
        return z;
    }

    @Test
    void millmanReadOutSlopeMatchesFiniteDifferences() {
        MillmanDivider d = new MillmanDivider(120, false);
        double centre = 95;
        for (double s : new double[] {0.5, 30, 95, 200, 900}) {
            double num = fd(x -> d.estimate(x, centre), s, 1e-4 * Math.max(s, 1));
            assertEquals(num, d.slope(s, centre), 1e-7 * Math.max(1, Math.abs(num)), "S = " + s);
        }
        // the linear read-out is exact at its centre and compresses away from it
        assertEquals(centre, d.estimate(centre, centre), 1e-12);
        assertTrue(d.estimate(400, centre) < 400 && d.estimate(10, centre) < 10);
        MillmanDivider inv = new MillmanDivider(120, true);
        assertEquals(400, inv.estimate(400, centre), 1e-9);
    }
}
