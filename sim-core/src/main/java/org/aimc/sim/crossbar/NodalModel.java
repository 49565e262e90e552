package org.aimc.sim.crossbar;

import java.util.ArrayList;
import java.util.List;

/**
 * Nodal analysis of a {@link Crossbar} (physics.md §5.1): for input voltages on the driven rows, the potential
 * of every row-line and column-line node and the current into every sensed column, with wire resistance,
 * driver and sense resistance, the access structure and, for open lines, the sneak paths of §5.2.
 *
 * <p>Built once per programmed crossbar; a linear crossbar (0T1R, 1T1R) is factorized at construction and
 * every input vector then costs one solve. Networks whose rows are all driven and whose columns are all
 * sensed use the iterative line kernel ({@link PcgKernel}, certified tolerance, O(MN) per iteration); the
 * others, and any case the iterative kernel cannot certify, use the direct nested-dissection Cholesky
 * ({@link DirectKernel}). 1S1R cells are solved by damped Newton iterations on the same sparsity pattern.
 *
 * <p>Not thread-safe (it owns work buffers): use one model per thread.
 */
public final class NodalModel {
    /** Which linear kernel to use. */
    public enum Method {
        /** Iterative where possible, direct otherwise. */
        AUTO,
        /** The line-Schur conjugate-gradient kernel; needs every row driven and every column sensed. */
        ITERATIVE,
        /** Nested-dissection sparse Cholesky. */
        DIRECT
    }

    private final Crossbar xb;
    private final Network net;
    private final boolean linear;
    private final double[] cellG;
    private LinearKernel kernel;
    private final boolean autoFallback;

    private NodalModel(Crossbar xb, Method method) {
        this.xb = xb;
        checkConnected(xb);
        this.net = new Network(xb);
        this.linear = xb.spec().linear();
        boolean iterative = switch (method) {
            case AUTO -> xb.allTerminated();
            case ITERATIVE -> {
                if (!xb.allTerminated()) {
                    throw new CrossbarException("the iterative solver needs every row driven and every column "
                            + "sensed; this crossbar has open lines (use the direct solver)");
                }
                yield true;
            }
            case DIRECT -> false;
        };
        this.autoFallback = method == Method.AUTO;
        this.kernel = iterative ? new PcgKernel(net) : new DirectKernel(net);
        if (linear) {
            this.cellG = CellLaws.linearConductances(xb);
            kernel.factor(cellG);
        } else {
            this.cellG = new double[xb.rows() * xb.cols()];
        }
    }

    /** A model of {@code xb} with the automatic choice of solver. */
    public static NodalModel of(Crossbar xb) {
        return new NodalModel(xb, Method.AUTO);
    }

    /** A model of {@code xb} with the given solver. */
    public static NodalModel of(Crossbar xb, Method method) {
        return new NodalModel(xb, method);
    }

    public Crossbar crossbar() {
        return xb;
    }

    /** Id of the linear kernel in use. */
    public String method() {
        return kernel.method();
    }

    /**
     * Column currents for one input vector.
     *
     * @param vinV   input voltage of every row, V (entries of open rows are ignored)
     * @param outA   receives the current into each column's sense amplifier, A (0 for open columns); modified
     */
    public void columnCurrents(double[] vinV, double[] outA) {
        columnCurrents(vinV, 1, outA);
    }

    /**
     * Column currents for {@code count} input vectors at once (the factorization is shared).
     *
     * @param vinV {@code vinV[k * rows + i]}: voltage of row i in vector k, V
     * @param outA receives {@code outA[k * cols + j]}, A; modified
     */
    public void columnCurrents(double[] vinV, int count, double[] outA) {
        int m = xb.rows();
        int n = xb.cols();
        checkInputs(vinV, count);
        if (outA.length < count * n) {
            throw new IllegalArgumentException("output holds " + outA.length + " values, need " + count * n);
        }
        Work w = work();
        double[] one = new double[m];
        for (int k = 0; k < count; k++) {
            System.arraycopy(vinV, k * m, one, 0, m);
            if (linear) {
                solveLinear(one, w);
                linearCurrents(w.xA, w.xB, outA, k * n);
            } else {
                NodalSolution s = solve(one);
                for (int j = 0; j < n; j++) {
                    outA[k * n + j] = s.columnCurrentA(j);
                }
            }
        }
    }

    /** The full operating point for one input vector ({@code vinV[i]}, V). */
    public NodalSolution solve(double[] vinV) {
        checkInputs(vinV, 1);
        int m = xb.rows();
        int n = xb.cols();
        Work w = work();
        int iterations;
        double[] currents = new double[n];
        if (linear) {
            iterations = solveLinear(vinV, w);
            linearCurrents(w.xA, w.xB, currents, 0);
        } else {
            iterations = newton(vinV, w);
            double[] out = new double[2];
            CrossbarSpec s = xb.spec();
            for (int j = 0; j < n; j++) {
                if (!xb.columnSensed(j)) {
                    continue;
                }
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    if (xb.conducts(i, j)) {
                        double dv = w.xA[net.idxA(i, j)] - w.xB[net.idxB(i, j)];
                        CellLaws.seriesSelector(dv, xb.conductanceS(i, j), s.selectorI0A(), s.selectorV0V(), out);
                        sum += out[0];
                    }
                }
                currents[j] = sum;
            }
        }
        double[] u = new double[m * n];
        double[] v = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                u[i * n + j] = w.xA[net.idxA(i, j)];
                v[i * n + j] = w.xB[net.idxB(i, j)];
            }
        }
        return new NodalSolution(m, n, u, v, currents, iterations, kernel.method());
    }

    private void checkInputs(double[] vinV, int count) {
        int m = xb.rows();
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (vinV.length < count * m) {
            throw new CrossbarException("inputs: expected " + count + " x " + m + " row voltages, got "
                    + vinV.length);
        }
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < m; i++) {
                double v = vinV[k * m + i];
                if (xb.rowDriven(i) && !Double.isFinite(v)) {
                    throw new CrossbarException("input of row " + i + " (vector " + k + ") is " + v
                            + " V; a driven row needs a finite voltage");
                }
            }
        }
    }

    private Work work;

    private Work work() {
        if (work == null) {
            work = new Work();
        }
        return work;
    }

    /** Work buffers of one solve. */
    private final class Work {
        final double[] rA = new double[net.sizeA()];
        final double[] rB = new double[net.sizeB()];
        final double[] xA = new double[net.sizeA()];
        final double[] xB = new double[net.sizeB()];
    }

    /** Largest |V| over the driven rows. */
    private double voltageScale(double[] vin) {
        double s = 0;
        for (int i = 0; i < xb.rows(); i++) {
            if (xb.rowDriven(i)) {
                s = Math.max(s, Math.abs(vin[i]));
            }
        }
        return s;
    }

    private int solveLinear(double[] vin, Work w) {
        double scale = voltageScale(vin);
        net.sources(vin, cellG, w.rA, w.rB);
        int it;
        try {
            it = kernel.solve(w.rA, w.rB, w.xA, w.xB, scale);
        } catch (PcgKernel.NotConverged e) {
            fallBack(e);
            kernel.factor(cellG);
            it = kernel.solve(w.rA, w.rB, w.xA, w.xB, scale);
        }
        net.fillFixed(vin, w.xA);
        return it;
    }

    private void fallBack(PcgKernel.NotConverged e) {
        if (!autoFallback) {
            throw new CrossbarException("the iterative solver could not certify its tolerance: " + e.getMessage());
        }
        kernel = new DirectKernel(net);
    }

    /** out[offset + j] = sum_i G_ij (u_ij - v_ij) for sensed columns, 0 for open ones. Modifies {@code out}. */
    private void linearCurrents(double[] xA, double[] xB, double[] out, int offset) {
        int m = xb.rows();
        int n = xb.cols();
        java.util.Arrays.fill(out, offset, offset + n, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double g = cellG[i * n + j];
                if (g != 0) {
                    out[offset + j] += g * (xA[net.idxA(i, j)] - xB[net.idxB(i, j)]);
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (!xb.columnSensed(j)) {
                out[offset + j] = 0;
            }
        }
    }

    // ---------------------------------------------------------------- nonlinear (1S1R)

    /**
     * Damped Newton on F(x) = 0 (KCL with the series selector law), each step solved by the linear kernel with
     * the cells' small-signal conductances. When every line is terminated the stopping rule is certified like
     * the linear one (the mean-value Jacobian of monotone cells is again a resistive M-matrix); otherwise the
     * step size decides.
     */
    private int newton(double[] vin, Work w) {
        int m = xb.rows();
        int nA = net.sizeA();
        int nB = net.sizeB();
        double scale = voltageScale(vin);
        double tol = CrossbarTolerances.SOLVE_REL_TOL * scale;
        for (int a = 0; a < nA; a++) {
            int i = a % m;
            w.xA[a] = xb.rowDriven(i) ? vin[i] : 0;
        }
        java.util.Arrays.fill(w.xB, 0);
        double[] fA = new double[nA];
        double[] fB = new double[nB];
        double[] tA = new double[nA];
        double[] tB = new double[nB];
        double[] dA = new double[nA];
        double[] dB = new double[nB];
        boolean certified = xb.allTerminated();
        double norm = residual(vin, w.xA, w.xB, fA, fB, true);
        int linearIterations = 0;
        for (int it = 0; it < CrossbarTolerances.NEWTON_MAX_ITERATIONS; it++) {
            if (certified && bound(fA, fB) <= tol) {
                return linearIterations;
            }
            for (int a = 0; a < nA; a++) {
                w.rA[a] = -fA[a];
            }
            for (int b = 0; b < nB; b++) {
                w.rB[b] = -fB[b];
            }
            try {
                kernel.factor(cellG);
                linearIterations += kernel.solve(w.rA, w.rB, dA, dB, scale);
            } catch (PcgKernel.NotConverged e) {
                fallBack(e);
                kernel.factor(cellG);
                linearIterations += kernel.solve(w.rA, w.rB, dA, dB, scale);
            }
            double lambda = 1;
            double trial = Double.NaN;
            for (int h = 0; h < CrossbarTolerances.NEWTON_MAX_HALVINGS; h++) {
                for (int a = 0; a < nA; a++) {
                    tA[a] = w.xA[a] + lambda * dA[a];
                }
                for (int b = 0; b < nB; b++) {
                    tB[b] = w.xB[b] + lambda * dB[b];
                }
                trial = residual(vin, tA, tB, fA, fB, false);
                if (trial <= (1 - 1e-4 * lambda) * norm || trial == 0) {
                    break;
                }
                lambda *= 0.5;
            }
            double step = 0;
            for (int a = 0; a < nA; a++) {
                step = Math.max(step, Math.abs(tA[a] - w.xA[a]));
            }
            for (int b = 0; b < nB; b++) {
                step = Math.max(step, Math.abs(tB[b] - w.xB[b]));
            }
            System.arraycopy(tA, 0, w.xA, 0, nA);
            System.arraycopy(tB, 0, w.xB, 0, nB);
            norm = residual(vin, w.xA, w.xB, fA, fB, true);
            if (!certified && step <= tol) {
                return linearIterations;
            }
        }
        if (certified && bound(fA, fB) <= tol) {
            return linearIterations;
        }
        throw new CrossbarException("Newton iterations did not converge in " + CrossbarTolerances.NEWTON_MAX_ITERATIONS
                + " steps (1S1R operating point); the selector parameters or inputs may be extreme");
    }

    private double bound(double[] fA, double[] fB) {
        double s = 0;
        for (int a = 0; a < fA.length; a++) {
            s += net.pathOhmA[a] * Math.abs(fA[a]);
        }
        for (int b = 0; b < fB.length; b++) {
            s += net.pathOhmB[b] * Math.abs(fB[b]);
        }
        return s;
    }

    /**
     * KCL residual (current leaving each unknown node) at potentials xA (fixed nodes holding their driven
     * values) and xB; fills {@code cellG} with the small-signal conductances when {@code jacobian}.
     *
     * @return the 2-norm of the residual
     */
    private double residual(double[] vin, double[] xA, double[] xB, double[] fA, double[] fB, boolean jacobian) {
        int m = xb.rows();
        int n = xb.cols();
        net.fillFixed(vin, xA);
        net.rowsA.apply(xA, fA, false);
        net.colsB.apply(xB, fB, false);
        for (int i = 0; i < m; i++) {
            double tg = net.rowsA.termG[i];
            if (xb.rowDriven(i) && tg > 0 && !Double.isInfinite(tg)) {
                fA[i] -= tg * vin[i];
            }
        }
        CrossbarSpec s = xb.spec();
        double[] out = new double[2];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int c = i * n + j;
                if (!xb.conducts(i, j)) {
                    if (jacobian) {
                        cellG[c] = 0;
                    }
                    continue;
                }
                int a = net.idxA(i, j);
                int b = net.idxB(i, j);
                CellLaws.seriesSelector(xA[a] - xB[b], xb.conductanceS(i, j), s.selectorI0A(), s.selectorV0V(), out);
                fA[a] += out[0];
                fB[b] -= out[0];
                if (jacobian) {
                    cellG[c] = out[1];
                }
            }
        }
        net.rowsA.zeroFixed(fA);
        net.colsB.zeroFixed(fB);
        double sq = 0;
        for (double v : fA) {
            sq += v * v;
        }
        for (double v : fB) {
            sq += v * v;
        }
        return Math.sqrt(sq);
    }

    // ---------------------------------------------------------------- topology

    /**
     * Every line must reach a driven row or a sensed column through conducting cells; a line that does not
     * floats and its potential is undefined.
     */
    static void checkConnected(Crossbar xb) {
        int m = xb.rows();
        int n = xb.cols();
        int[] parent = new int[m + n + 1];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        int ground = m + n;
        for (int i = 0; i < m; i++) {
            if (xb.rowDriven(i)) {
                union(parent, i, ground);
            }
        }
        for (int j = 0; j < n; j++) {
            if (xb.columnSensed(j)) {
                union(parent, m + j, ground);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (xb.conducts(i, j)) {
                    union(parent, i, m + j);
                }
            }
        }
        int g = find(parent, ground);
        List<String> floating = new ArrayList<>();
        for (int k = 0; k < m + n && floating.size() < 5; k++) {
            if (find(parent, k) != g) {
                floating.add(k < m ? "row line " + k : "column line " + (k - m));
            }
        }
        if (!floating.isEmpty()) {
            throw new CrossbarException("floating node(s): " + String.join(", ", floating) + (floating.size() == 5
                    ? ", ..." : "") + " reach no driven row and no sensed column through a conducting cell, so "
                    + "their potential is undefined; drive or sense them, or give them a conducting cell");
        }
    }

    private static int find(int[] p, int k) {
        while (p[k] != k) {
            p[k] = p[p[k]];
            k = p[k];
        }
        return k;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[ra] = rb;
        }
    }
}
