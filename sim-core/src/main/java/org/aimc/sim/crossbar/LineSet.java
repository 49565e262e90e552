package org.aimc.sim.crossbar;

/**
 * One set of parallel lines (all row lines or all column lines) as the block-diagonal tridiagonal operator
 * of their wire segments, end terminals and the cell conductances loading every tap. Vectors are laid out
 * tap-major, {@code [tap][line]}, so the recurrences along the lines run over contiguous memory for all
 * lines at once.
 *
 * <p>A line set with zero segment resistance is lumped: each line is one node ({@code taps == 1}) loaded by
 * the sum of its cells. A terminal is open (conductance 0), finite, or ideal ({@code +Infinity}): an ideal
 * terminal fixes tap 0, which is then not an unknown. All operations here are homogeneous: fixed taps read
 * as 0 and are written as 0; the caller accounts for the terminal voltages.
 */
final class LineSet {
    final int lines;
    final int taps;
    final double segG;
    final double[] termG;
    /** Lines whose tap 0 is fixed by an ideal terminal. */
    private final int[] fixedLines;
    private final boolean[] fixedLine;
    /** Wire + terminal part of the diagonal, [tap][line] (0 at fixed taps). */
    private final double[] wireDiag;
    /** Full diagonal including the loads, [tap][line] (0 at fixed taps). */
    private final double[] diag;
    /** Inverse pivots of the LDL^T factorization (0 at fixed taps), [tap][line]. */
    private final double[] ip;
    private final String name;

    /**
     * @param name  "row" or "column", for messages
     * @param lines number of lines
     * @param taps  taps per line (1 for a lumped line set)
     * @param segG  segment conductance, S (unused when taps == 1)
     * @param termG per line terminal conductance at tap 0: 0 open, finite, or +Infinity for an ideal terminal
     */
    LineSet(String name, int lines, int taps, double segG, double[] termG) {
        this.name = name;
        this.lines = lines;
        this.taps = taps;
        this.segG = taps == 1 ? 0 : segG;
        this.termG = termG.clone();
        int n = lines * taps;
        this.wireDiag = new double[n];
        this.diag = new double[n];
        this.ip = new double[n];
        this.fixedLine = new boolean[lines];
        int nf = 0;
        for (int l = 0; l < lines; l++) {
            fixedLine[l] = Double.isInfinite(termG[l]);
            nf += fixedLine[l] ? 1 : 0;
        }
        this.fixedLines = new int[nf];
        nf = 0;
        for (int l = 0; l < lines; l++) {
            if (fixedLine[l]) {
                fixedLines[nf++] = l;
            }
        }
        for (int t = 0; t < taps; t++) {
            int segs = (t > 0 ? 1 : 0) + (t < taps - 1 ? 1 : 0);
            for (int l = 0; l < lines; l++) {
                int k = t * lines + l;
                wireDiag[k] = fixed(k) ? 0 : segs * this.segG + (t == 0 ? termG[l] : 0);
            }
        }
    }

    int size() {
        return lines * taps;
    }

    /** True when node {@code index} ([tap][line]) is fixed by an ideal terminal. */
    boolean fixed(int index) {
        return index < lines && fixedLine[index];
    }

    /** Wire and terminal part of the operator's diagonal at node {@code index} (0 at fixed taps). */
    double wireDiagonal(int index) {
        return wireDiag[index];
    }

    /** Diagonal at node {@code index} including the loads of the last {@link #factor} (0 at fixed taps). */
    double diagonal(int index) {
        return diag[index];
    }

    /** Sets the fixed taps of {@code x} to 0. Modifies {@code x}. */
    void zeroFixed(double[] x) {
        for (int l : fixedLines) {
            x[l] = 0;
        }
    }

    /**
     * Factorizes the operator for the given tap loads ({@code loads[tap * lines + line]}, S).
     *
     * @throws CrossbarException when a line's operator is not positive definite in floating point
     */
    void factor(double[] loads) {
        for (int l = 0; l < lines; l++) {
            double prevIp = 0;
            for (int t = 0; t < taps; t++) {
                int k = t * lines + l;
                if (fixed(k)) {
                    diag[k] = 0;
                    ip[k] = 0;
                    prevIp = 0;
                    continue;
                }
                double d = wireDiag[k] + loads[k];
                diag[k] = d;
                double p = d - segG * segG * prevIp;
                if (!(p > 0) || Double.isInfinite(p)) {
                    throw new CrossbarException(name + " line " + l + " is numerically singular at tap " + t
                            + " (pivot " + p + " S): the line is connected to nothing that fixes its potential, or "
                            + "its conductances span too many decades for double precision");
                }
                ip[k] = 1.0 / p;
                prevIp = ip[k];
            }
        }
    }

    /**
     * Solves (operator) x = rhs (LDL^T: forward z_t = rhs_t + g ip_{t-1} z_{t-1}, backward
     * x_t = ip_t (z_t + g x_{t+1})); fixed taps of x are set to 0. {@code x} may be {@code rhs}.
     * Modifies {@code x}.
     */
    void solve(double[] rhs, double[] x) {
        solveDot(rhs, x, null);
    }

    /**
     * {@link #solve}, also returning {@code w · x} ({@code w} may be null, then 0 is returned).
     */
    double solveDot(double[] rhs, double[] x, double[] w) {
        int ln = lines;
        double sg = segG;
        System.arraycopy(rhs, 0, x, 0, ln);
        for (int t = 1; t < taps; t++) {
            int b = t * ln;
            int a = b - ln;
            for (int l = 0; l < ln; l++) {
                x[b + l] = rhs[b + l] + sg * ip[a + l] * x[a + l];
            }
        }
        double dot = 0;
        int last = (taps - 1) * ln;
        for (int l = 0; l < ln; l++) {
            double v = x[last + l] * ip[last + l];
            x[last + l] = v;
            if (w != null) {
                dot += w[last + l] * v;
            }
        }
        for (int t = taps - 2; t >= 0; t--) {
            int b = t * ln;
            int a = b + ln;
            if (w == null) {
                for (int l = 0; l < ln; l++) {
                    x[b + l] = (x[b + l] + sg * x[a + l]) * ip[b + l];
                }
            } else {
                for (int l = 0; l < ln; l++) {
                    double v = (x[b + l] + sg * x[a + l]) * ip[b + l];
                    x[b + l] = v;
                    dot += w[b + l] * v;
                }
            }
        }
        return dot;
    }

    /**
     * Solves (operator) x = x in place for the lines {@code l0 <= l < l1} only (the others untouched): the same
     * recurrences as {@link #solve}, restricted to a slab of lines so that the slab stays in cache.
     */
    void solveLines(double[] x, int l0, int l1) {
        int ln = lines;
        double sg = segG;
        for (int t = 1; t < taps; t++) {
            int b = t * ln;
            int a = b - ln;
            for (int l = l0; l < l1; l++) {
                x[b + l] += sg * ip[a + l] * x[a + l];
            }
        }
        int last = (taps - 1) * ln;
        for (int l = l0; l < l1; l++) {
            x[last + l] *= ip[last + l];
        }
        for (int t = taps - 2; t >= 0; t--) {
            int b = t * ln;
            int a = b + ln;
            for (int l = l0; l < l1; l++) {
                x[b + l] = (x[b + l] + sg * x[a + l]) * ip[b + l];
            }
        }
    }

    /**
     * y = (operator with loads) x on the taps {@code t0 <= t < t1} only, reading x at t0-1 and t1 (a slab of tap
     * rows); outputs at fixed taps are 0. Modifies {@code y}.
     */
    void applyTaps(double[] x, double[] y, int t0, int t1) {
        apply(x, y, t0, t1, diag);
    }

    /**
     * y = (operator) x, with the loads of the last {@link #factor} when {@code withLoads}, otherwise wires and
     * terminals only. Neighbours at fixed taps are read from {@code x} (0 in homogeneous use); outputs at fixed
     * taps are 0. Modifies {@code y}.
     */
    void apply(double[] x, double[] y, boolean withLoads) {
        apply(x, y, 0, taps, withLoads ? diag : wireDiag);
    }

    private void apply(double[] x, double[] y, int t0, int t1, double[] d) {
        int ln = lines;
        double sg = segG;
        for (int t = t0; t < t1; t++) {
            int b = t * ln;
            boolean up = t > 0;
            boolean down = t < taps - 1;
            if (up && down) {
                for (int l = 0; l < ln; l++) {
                    y[b + l] = d[b + l] * x[b + l] - sg * (x[b - ln + l] + x[b + ln + l]);
                }
            } else if (up) {
                for (int l = 0; l < ln; l++) {
                    y[b + l] = d[b + l] * x[b + l] - sg * x[b - ln + l];
                }
            } else if (down) {
                for (int l = 0; l < ln; l++) {
                    y[b + l] = d[b + l] * x[b + l] - sg * x[b + ln + l];
                }
            } else {
                for (int l = 0; l < ln; l++) {
                    y[b + l] = d[b + l] * x[b + l];
                }
            }
        }
        if (t0 == 0) {
            zeroFixed(y);
        }
    }
}
