package org.aimc.sim.crossbar;

/**
 * Iterative kernel exploiting the line structure: the row-line nodes A are eliminated exactly (their
 * operator is tridiagonal per line), leaving the Schur complement S = A_B - C^T A_A^{-1} C on the column-line
 * nodes, which is solved by conjugate gradients preconditioned with the column-line operator A_B. Each
 * iteration costs two tridiagonal line solves, two blocked transposes and a few vector operations: O(MN).
 *
 * <p>Convergence: with the coupling s = ||A_B^{-1/2} C A_A^{-1/2}||, the preconditioned operator has its
 * spectrum in [1 - s^2, 1], so the condition number is 1 / (1 - s^2). In a crossbar s^2 is roughly the
 * IR-drop parameter r G N^2 against the wire's own stiffness (measured: s^2 = 0.026 at 256 x 256,
 * r = 0.35 ohm, G in [1, 40] uS), so a handful of iterations suffice.
 *
 * <p>Certified stopping: the network is a resistive M-matrix, so the error of every node potential obeys
 * |e_k| = |sum_l R_kl r_l| &lt;= sum_l R_ll |r_l|, with R the transfer-resistance matrix (R_kl &lt;= R_ll by the
 * maximum principle) and R_ll at most the resistance of any path from node l to a terminal (Rayleigh
 * monotonicity). The A-equations are solved exactly, so the residual r lives on B only, where R_ll &lt;=
 * R_sense + t r_col. The loop stops when sum_l R_ll |r_l| &lt;= tol · V_scale, recomputing the true residual
 * before it accepts.
 */
final class PcgKernel implements LinearKernel {
    private final Network net;
    private final int nA;
    private final int nB;
    private double[] cellG;
    private double[] loadsA;
    private double[] loadsB;
    private int capacity;
    private double[] tA;
    private double[] tA2;
    private double[] f;
    private double[] r;
    private double[] z;
    private double[] p;
    private double[] q;
    private double[] tB;

    PcgKernel(Network net) {
        if (!net.xb.allColumnsSensed()) {
            throw new IllegalStateException("the iterative kernel needs every column sensed");
        }
        this.net = net;
        this.nA = net.sizeA();
        this.nB = net.sizeB();
        this.loadsA = new double[nA];
        this.loadsB = new double[nB];
    }

    @Override
    public String method() {
        return "line-schur-pcg";
    }

    @Override
    public void factor(double[] g) {
        this.cellG = g;
        net.loads(g, loadsA, loadsB);
        net.rowsA.factor(loadsA);
        net.colsB.factor(loadsB);
    }

    private void ensure(int kk) {
        if (capacity >= kk) {
            return;
        }
        capacity = kk;
        tA = new double[nA * kk];
        tA2 = new double[nA * kk];
        f = new double[nB * kk];
        r = new double[nB * kk];
        z = new double[nB * kk];
        p = new double[nB * kk];
        q = new double[nB * kk];
        tB = new double[nB * kk];
    }

    /** out = S x = A_B x - C^T A_A^{-1} C x (fixed B nodes 0). */
    private void applySchur(double[] x, double[] out, int kk) {
        net.coupleToA(cellG, x, tA2, kk);
        net.rowsA.solve(tA2, tA2, kk);
        net.coupleToB(cellG, tA2, tB, kk);
        net.colsB.apply(x, out, kk, true);
        double[] unk = net.colsB.unknown;
        if (kk == 1) {
            for (int b = 0; b < nB; b++) {
                out[b] -= unk[b] * tB[b];
            }
        } else {
            for (int b = 0; b < nB; b++) {
                double u = unk[b];
                int o = b * kk;
                for (int k = 0; k < kk; k++) {
                    out[o + k] -= u * tB[o + k];
                }
            }
        }
    }

    /** Per vector: sum_l R_ll |res_l|, the certified bound on the potential error. Writes {@code out[k]}. */
    private void bound(double[] res, int kk, double[] out) {
        java.util.Arrays.fill(out, 0, kk, 0);
        double[] w = net.pathOhmB;
        for (int b = 0; b < nB; b++) {
            double wb = w[b];
            int o = b * kk;
            for (int k = 0; k < kk; k++) {
                out[k] += wb * Math.abs(res[o + k]);
            }
        }
    }

    private static void dots(double[] x, double[] y, int len, int kk, double[] out) {
        java.util.Arrays.fill(out, 0, kk, 0);
        if (kk == 1) {
            double s = 0;
            for (int b = 0; b < len; b++) {
                s += x[b] * y[b];
            }
            out[0] = s;
            return;
        }
        for (int b = 0; b < len; b++) {
            int o = b * kk;
            for (int k = 0; k < kk; k++) {
                out[k] += x[o + k] * y[o + k];
            }
        }
    }

    @Override
    public int solve(double[] rA, double[] rB, double[] xA, double[] xB, int kk, double[] vScale) {
        ensure(kk);
        // eliminate A: tA = A_A^{-1} rA, f = rB + C^T tA on the unknown B nodes
        net.rowsA.solve(rA, tA, kk);
        net.coupleToB(cellG, tA, f, kk);
        double[] unk = net.colsB.unknown;
        for (int b = 0; b < nB; b++) {
            double u = unk[b];
            int o = b * kk;
            for (int k = 0; k < kk; k++) {
                f[o + k] = u * (f[o + k] + rB[o + k]);
            }
        }
        java.util.Arrays.fill(xB, 0, nB * kk, 0);
        double[] tol = new double[kk];
        for (int k = 0; k < kk; k++) {
            tol[k] = CrossbarTolerances.SOLVE_REL_TOL * vScale[k];
        }
        boolean[] done = new boolean[kk];
        double[] rho = new double[kk];
        double[] pq = new double[kk];
        double[] eps = new double[kk];
        double[] alpha = new double[kk];
        double[] beta = new double[kk];
        double[] floor = new double[kk];
        int iterations = 0;
        boolean backReady = false;
        System.arraycopy(f, 0, r, 0, nB * kk);
        bound(r, kk, eps);
        for (int restart = 0; ; restart++) {
            int active = 0;
            for (int k = 0; k < kk; k++) {
                done[k] = eps[k] <= tol[k];
                active += done[k] ? 0 : 1;
            }
            if (active == 0) {
                break;
            }
            if (restart > CrossbarTolerances.PCG_MAX_RESTARTS) {
                throw new NotConverged(iterations, maxRatio(eps, tol));
            }
            net.colsB.solve(r, z, kk);
            System.arraycopy(z, 0, p, 0, nB * kk);
            dots(r, z, nB, kk, rho);
            while (true) {
                if (iterations >= CrossbarTolerances.PCG_MAX_ITERATIONS) {
                    throw new NotConverged(iterations, maxRatio(eps, tol));
                }
                iterations++;
                applySchur(p, q, kk);
                dots(p, q, nB, kk, pq);
                for (int k = 0; k < kk; k++) {
                    alpha[k] = done[k] || !(pq[k] > 0) ? 0 : rho[k] / pq[k];
                }
                axpyPairBound(xB, alpha, kk, eps);
                active = 0;
                for (int k = 0; k < kk; k++) {
                    if (!done[k] && (eps[k] <= tol[k] || !(pq[k] > 0))) {
                        done[k] = true;
                    }
                    active += done[k] ? 0 : 1;
                }
                if (active == 0) {
                    break;
                }
                net.colsB.solve(r, z, kk);
                dots(r, z, nB, kk, pq);
                for (int k = 0; k < kk; k++) {
                    beta[k] = done[k] || rho[k] == 0 ? 0 : pq[k] / rho[k];
                    rho[k] = pq[k];
                }
                updateP(beta, kk);
            }
            // accept only on the true residual r = f - S x, or on its floating-point floor; applySchur leaves
            // A_A^{-1} C x in tA2, which the back-substitution reuses
            applySchur(xB, q, kk);
            backReady = true;
            for (int i = 0; i < nB * kk; i++) {
                r[i] = f[i] - q[i];
            }
            roundingFloor(xB, kk, floor);
            bound(r, kk, eps);
            for (int k = 0; k < kk; k++) {
                tol[k] = Math.max(tol[k], Math.min(floor[k], eps[k]));
            }
        }
        // back-substitute A: xA = tA + A_A^{-1} C xB
        if (backReady) {
            for (int i = 0; i < nA * kk; i++) {
                xA[i] = tA[i] + tA2[i];
            }
        } else {
            System.arraycopy(tA, 0, xA, 0, nA * kk);
        }
        return Math.max(1, iterations);
    }

    /** x += alpha p; r -= alpha q; eps[k] = sum_l R_ll |r_l|. */
    private void axpyPairBound(double[] x, double[] alpha, int kk, double[] eps) {
        double[] w = net.pathOhmB;
        if (kk == 1) {
            double a = alpha[0];
            double e = 0;
            for (int b = 0; b < nB; b++) {
                x[b] += a * p[b];
                double rb = r[b] - a * q[b];
                r[b] = rb;
                e += w[b] * Math.abs(rb);
            }
            eps[0] = e;
            return;
        }
        java.util.Arrays.fill(eps, 0, kk, 0);
        for (int b = 0; b < nB; b++) {
            int o = b * kk;
            double wb = w[b];
            for (int k = 0; k < kk; k++) {
                double a = alpha[k];
                x[o + k] += a * p[o + k];
                double rb = r[o + k] - a * q[o + k];
                r[o + k] = rb;
                eps[k] += wb * Math.abs(rb);
            }
        }
    }

    /**
     * Per vector: sum_l R_ll · c · eps · (magnitude of the terms of residual l), the level below which the
     * computed residual is rounding noise. The terms of a line operator's row are bounded by twice its diagonal
     * times the largest neighbouring potential. Writes {@code out[k]}.
     */
    private void roundingFloor(double[] x, int kk, double[] out) {
        java.util.Arrays.fill(out, 0, kk, 0);
        double[] w = net.pathOhmB;
        int taps = net.colsB.taps;
        int lines = net.colsB.lines;
        double c = CrossbarTolerances.ROUNDING_FLOOR_FACTOR * Math.ulp(1.0);
        for (int b = 0; b < nB; b++) {
            int t = b / lines;
            double d = net.colsB.wireDiagonal(b) + loadsB[b];
            for (int k = 0; k < kk; k++) {
                double mag = Math.abs(x[b * kk + k]);
                if (t > 0) {
                    mag = Math.max(mag, Math.abs(x[(b - lines) * kk + k]));
                }
                if (t < taps - 1) {
                    mag = Math.max(mag, Math.abs(x[(b + lines) * kk + k]));
                }
                out[k] += w[b] * c * 2 * d * mag + w[b] * c * Math.abs(f[b * kk + k]);
            }
        }
    }

    private static double maxRatio(double[] eps, double[] tol) {
        double w = 0;
        for (int k = 0; k < eps.length; k++) {
            w = Math.max(w, tol[k] > 0 ? eps[k] / tol[k] : Double.POSITIVE_INFINITY);
        }
        return w;
    }

    /** p = z + beta p. */
    private void updateP(double[] beta, int kk) {
        if (kk == 1) {
            double be = beta[0];
            for (int b = 0; b < nB; b++) {
                p[b] = z[b] + be * p[b];
            }
            return;
        }
        for (int b = 0; b < nB; b++) {
            int o = b * kk;
            for (int k = 0; k < kk; k++) {
                p[o + k] = z[o + k] + beta[k] * p[o + k];
            }
        }
    }

    /** The kernel could not certify its tolerance within its iteration budget. */
    static final class NotConverged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotConverged(int iterations, double ratio) {
            super("conjugate gradients stopped after " + iterations + " iterations at " + ratio
                    + " x the certified tolerance");
        }
    }
}
