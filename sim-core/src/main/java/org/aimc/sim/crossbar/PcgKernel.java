package org.aimc.sim.crossbar;

/**
 * Iterative kernel exploiting the line structure: the row-line nodes A are eliminated exactly (their
 * operator is tridiagonal per line), leaving the Schur complement S = A_B - C^T A_A^{-1} C on the column-line
 * nodes, which is solved by conjugate gradients preconditioned with the column-line operator A_B. Each
 * iteration costs two tridiagonal line solves, two blocked transposes and a few vector operations: O(MN).
 *
 * <p>Convergence: with the coupling s = ||A_B^{-1/2} C A_A^{-1/2}||, the preconditioned operator has its
 * spectrum in [1 - s^2, 1], so the condition number is 1 / (1 - s^2). In a crossbar s^2 grows with the
 * IR-drop parameter r G N^2 against the wire's own stiffness (measured: s^2 = 0.026 at 256 x 256,
 * r = 0.35 ohm, G in [1, 40] uS; 0.33 at r = 2.5 ohm), so a handful of iterations suffice.
 *
 * <p>Certified stopping: the network is a resistive M-matrix, so the error of every node potential obeys
 * |e_k| = |sum_l R_kl r_l| &lt;= sum_l R_ll |r_l|, with R the transfer-resistance matrix (R_kl &lt;= R_ll by the
 * maximum principle) and R_ll at most the resistance of any path from node l to a terminal (Rayleigh
 * monotonicity). The A-equations are solved exactly, so the residual r lives on B only, where R_ll &lt;=
 * R_sense + t r_col. The loop stops when sum_l R_ll |r_l| &lt;= tol · V_scale, on the true residual.
 */
final class PcgKernel implements LinearKernel {
    private final Network net;
    private final LineSet rowsA;
    private final LineSet colsB;
    private final int nA;
    private final int nB;
    /** Bound R_ll of the nodes of each column tap row (every column is sensed, so one value per tap). */
    private final double[] tapOhm;
    private final double[] loadsA;
    private final double[] loadsB;
    private final double[] tA;
    private final double[] tA2;
    private final double[] f;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;
    private double[] cellG;
    /** Rows per slab of {@link #applySchur}: about 16k nodes, a few hundred kB per array. */
    private final int slab;

    PcgKernel(Network net) {
        if (!net.xb.allColumnsSensed()) {
            throw new IllegalStateException("the iterative kernel needs every column sensed");
        }
        this.net = net;
        this.rowsA = net.rowsA;
        this.colsB = net.colsB;
        this.nA = net.sizeA();
        this.nB = net.sizeB();
        this.tapOhm = new double[colsB.taps];
        for (int t = 0; t < colsB.taps; t++) {
            tapOhm[t] = net.pathOhmB[t * colsB.lines];
        }
        this.loadsA = new double[nA];
        this.loadsB = new double[nB];
        this.tA = new double[nA];
        this.tA2 = new double[nA];
        this.f = new double[nB];
        this.r = new double[nB];
        this.z = new double[nB];
        this.p = new double[nB];
        this.q = new double[nB];
        this.slab = Math.max(4, Math.min(net.m, CrossbarTolerances.SLAB_NODES / Math.max(1, net.n)));
    }

    @Override
    public String method() {
        return "line-schur-pcg";
    }

    @Override
    public void factor(double[] g) {
        this.cellG = g;
        net.loads(g, loadsA, loadsB);
        rowsA.factor(loadsA);
        colsB.factor(loadsB);
    }

    /**
     * out = S x = A_B x - C^T A_A^{-1} C x (fixed B nodes 0); leaves A_A^{-1} C x in tA2 and returns x · out.
     * When both line sets are distributed the work is done slab by slab of rows: a row line couples only to
     * the column nodes of its own row, so gathering C x, solving the row lines and applying the column
     * operator for a few rows at a time keeps every array the slab touches in cache.
     */
    private double applySchur(double[] x, double[] out) {
        if (net.rowLumped || net.colLumped) {
            net.coupleToA(cellG, x, tA2);
            rowsA.solve(tA2, tA2);
            colsB.apply(x, out, true);
            net.addToB(cellG, tA2, out, -1);
            colsB.zeroFixed(out);
            double d = 0;
            for (int b = 0; b < nB; b++) {
                d += x[b] * out[b];
            }
            return d;
        }
        int m = net.m;
        int n = net.n;
        double[] g = cellG;
        double dot = 0;
        for (int i0 = 0; i0 < m; i0 += slab) {
            int i1 = Math.min(m, i0 + slab);
            for (int j = 0; j < n; j++) {
                int a = j * m;
                for (int i = i0; i < i1; i++) {
                    tA2[a + i] = g[i * n + j] * x[(m - 1 - i) * n + j];
                }
            }
            rowsA.solveLines(tA2, i0, i1);
            colsB.applyTaps(x, out, m - i1, m - i0);
            for (int i = i0; i < i1; i++) {
                int bRow = (m - 1 - i) * n;
                int gRow = i * n;
                for (int j = 0; j < n; j++) {
                    out[bRow + j] -= g[gRow + j] * tA2[j * m + i];
                }
            }
        }
        colsB.zeroFixed(out);
        for (int b = 0; b < nB; b++) {
            dot += x[b] * out[b];
        }
        return dot;
    }

    /** sum_l R_ll |res_l|: the certified bound on the potential error. */
    private double bound(double[] res) {
        int ln = colsB.lines;
        double e = 0;
        for (int t = 0; t < colsB.taps; t++) {
            double s = 0;
            int b = t * ln;
            for (int l = 0; l < ln; l++) {
                s += Math.abs(res[b + l]);
            }
            e += tapOhm[t] * s;
        }
        return e;
    }

    @Override
    public int solve(double[] rA, double[] rB, double[] xA, double[] xB, double vScale) {
        // eliminate A: tA = A_A^{-1} rA, f = rB + C^T tA on the unknown B nodes
        rowsA.solve(rA, tA);
        net.coupleToB(cellG, tA, f);
        for (int b = 0; b < nB; b++) {
            f[b] += rB[b];
        }
        colsB.zeroFixed(f);
        java.util.Arrays.fill(xB, 0, nB, 0);
        System.arraycopy(f, 0, r, 0, nB);
        double tol = CrossbarTolerances.SOLVE_REL_TOL * vScale;
        double eps = bound(r);
        int iterations = 0;
        boolean backReady = false;
        for (int restart = 0; eps > tol; restart++) {
            if (restart > CrossbarTolerances.PCG_MAX_RESTARTS) {
                throw new NotConverged(iterations, eps / tol);
            }
            double rho = colsB.solveDot(r, z, r);
            System.arraycopy(z, 0, p, 0, nB);
            while (true) {
                if (iterations >= CrossbarTolerances.PCG_MAX_ITERATIONS) {
                    throw new NotConverged(iterations, eps / tol);
                }
                iterations++;
                double pq = applySchur(p, q);
                if (!(pq > 0)) {
                    break;
                }
                double alpha = rho / pq;
                eps = axpyBound(xB, alpha);
                if (eps <= tol) {
                    break;
                }
                double rhoNew = colsB.solveDot(r, z, r);
                double beta = rhoNew / rho;
                rho = rhoNew;
                for (int b = 0; b < nB; b++) {
                    p[b] = z[b] + beta * p[b];
                }
            }
            // accept only on the true residual r = f - S x, or on its floating-point floor; applySchur leaves
            // A_A^{-1} C x in tA2, which the back-substitution reuses
            applySchur(xB, q);
            backReady = true;
            for (int b = 0; b < nB; b++) {
                r[b] = f[b] - q[b];
            }
            eps = bound(r);
            tol = Math.max(tol, Math.min(roundingFloor(xB), eps));
        }
        // back-substitute A: xA = tA + A_A^{-1} C xB
        for (int a = 0; a < nA; a++) {
            xA[a] = backReady ? tA[a] + tA2[a] : tA[a];
        }
        return Math.max(1, iterations);
    }

    /** x += alpha p; r -= alpha q; returns the bound sum_l R_ll |r_l|. */
    private double axpyBound(double[] x, double alpha) {
        int ln = colsB.lines;
        double e = 0;
        for (int t = 0; t < colsB.taps; t++) {
            double s = 0;
            int b0 = t * ln;
            for (int b = b0; b < b0 + ln; b++) {
                x[b] += alpha * p[b];
                double rb = r[b] - alpha * q[b];
                r[b] = rb;
                s += Math.abs(rb);
            }
            e += tapOhm[t] * s;
        }
        return e;
    }

    /**
     * sum_l R_ll · c · eps · (magnitude of the terms of residual l): the level below which the computed residual
     * is rounding noise. The terms of a line operator's row are bounded by twice its diagonal times the largest
     * neighbouring potential.
     */
    private double roundingFloor(double[] x) {
        int ln = colsB.lines;
        int taps = colsB.taps;
        double c = CrossbarTolerances.ROUNDING_FLOOR_FACTOR * Math.ulp(1.0);
        double out = 0;
        for (int t = 0; t < taps; t++) {
            double s = 0;
            for (int l = 0; l < ln; l++) {
                int b = t * ln + l;
                double mag = Math.abs(x[b]);
                if (t > 0) {
                    mag = Math.max(mag, Math.abs(x[b - ln]));
                }
                if (t < taps - 1) {
                    mag = Math.max(mag, Math.abs(x[b + ln]));
                }
                s += 2 * colsB.diagonal(b) * mag + Math.abs(f[b]);
            }
            out += tapOhm[t] * c * s;
        }
        return out;
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
