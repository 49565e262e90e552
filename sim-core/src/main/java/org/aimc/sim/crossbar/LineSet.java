package org.aimc.sim.crossbar;

/**
 * One set of parallel lines (all row lines or all column lines) as the block-diagonal tridiagonal operator
 * of their wire segments, end terminals and the cell conductances loading every tap. Vectors are laid out
 * tap-major, {@code [tap][line][k]}, so the recurrences along the lines run over contiguous memory for all
 * lines (and all right-hand sides k) at once.
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
    /** 1 for unknown taps, 0 for fixed ones, [tap][line]. */
    final double[] unknown;
    /** Wire + terminal part of the diagonal, [tap][line]. */
    private final double[] wireDiag;
    /** Full diagonal including the loads, [tap][line]. */
    private final double[] diag;
    /** Inverse pivots of the LDL^T factorization (0 at fixed taps), [tap][line]. */
    private final double[] ip;
    /** segG * ip: the multipliers of the substitutions (0 at fixed taps), [tap][line]. */
    private final double[] c;
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
        this.unknown = new double[n];
        this.wireDiag = new double[n];
        this.diag = new double[n];
        this.ip = new double[n];
        this.c = new double[n];
        for (int t = 0; t < taps; t++) {
            int segs = (t > 0 ? 1 : 0) + (t < taps - 1 ? 1 : 0);
            for (int l = 0; l < lines; l++) {
                int k = t * lines + l;
                boolean fixed = t == 0 && Double.isInfinite(termG[l]);
                unknown[k] = fixed ? 0 : 1;
                wireDiag[k] = fixed ? 0 : segs * this.segG + (t == 0 ? termG[l] : 0);
            }
        }
    }

    int size() {
        return lines * taps;
    }

    boolean fixed(int index) {
        return unknown[index] == 0;
    }

    /** Wire and terminal part of the operator's diagonal at node {@code index} (0 at fixed taps). */
    double wireDiagonal(int index) {
        return wireDiag[index];
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
                if (unknown[k] == 0) {
                    diag[k] = 0;
                    ip[k] = 0;
                    c[k] = 0;
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
                c[k] = segG * ip[k];
                prevIp = ip[k];
            }
        }
    }

    /**
     * Solves (operator) x = rhs for {@code kk} right-hand sides laid out {@code [tap][line][k]}; fixed taps of
     * x are set to 0. {@code x} may be {@code rhs}. Modifies {@code x}.
     */
    void solve(double[] rhs, double[] x, int kk) {
        int ln = lines;
        if (kk == 1) {
            for (int l = 0; l < ln; l++) {
                x[l] = rhs[l];
            }
            for (int t = 1; t < taps; t++) {
                int b = t * ln;
                int a = b - ln;
                for (int l = 0; l < ln; l++) {
                    x[b + l] = rhs[b + l] + c[a + l] * x[a + l];
                }
            }
            int last = (taps - 1) * ln;
            for (int l = 0; l < ln; l++) {
                x[last + l] *= ip[last + l];
            }
            for (int t = taps - 2; t >= 0; t--) {
                int b = t * ln;
                int a = b + ln;
                for (int l = 0; l < ln; l++) {
                    x[b + l] = x[b + l] * ip[b + l] + c[b + l] * x[a + l];
                }
            }
            return;
        }
        int row = ln * kk;
        System.arraycopy(rhs, 0, x, 0, row);
        for (int t = 1; t < taps; t++) {
            for (int l = 0; l < ln; l++) {
                double cc = c[(t - 1) * ln + l];
                int b = (t * ln + l) * kk;
                int a = b - row;
                for (int k = 0; k < kk; k++) {
                    x[b + k] = rhs[b + k] + cc * x[a + k];
                }
            }
        }
        for (int l = 0; l < ln; l++) {
            double p = ip[(taps - 1) * ln + l];
            int b = ((taps - 1) * ln + l) * kk;
            for (int k = 0; k < kk; k++) {
                x[b + k] *= p;
            }
        }
        for (int t = taps - 2; t >= 0; t--) {
            for (int l = 0; l < ln; l++) {
                double p = ip[t * ln + l];
                double cc = c[t * ln + l];
                int b = (t * ln + l) * kk;
                int a = b + row;
                for (int k = 0; k < kk; k++) {
                    x[b + k] = x[b + k] * p + cc * x[a + k];
                }
            }
        }
    }

    /**
     * y = (operator) x for {@code kk} vectors, with the loads of the last {@link #factor} when
     * {@code withLoads}, otherwise wires and terminals only. Fixed taps read as 0 and are written as 0.
     * Modifies {@code y}.
     */
    void apply(double[] x, double[] y, int kk, boolean withLoads) {
        double[] d = withLoads ? diag : wireDiag;
        int ln = lines;
        int row = ln * kk;
        if (kk == 1) {
            double sg = segG;
            for (int t = 0; t < taps; t++) {
                int b = t * ln;
                boolean up = t > 0;
                boolean down = t < taps - 1;
                if (up && down) {
                    for (int l = 0; l < ln; l++) {
                        y[b + l] = unknown[b + l] * (d[b + l] * x[b + l] - sg * (x[b - ln + l] + x[b + ln + l]));
                    }
                } else if (up) {
                    for (int l = 0; l < ln; l++) {
                        y[b + l] = unknown[b + l] * (d[b + l] * x[b + l] - sg * x[b - ln + l]);
                    }
                } else if (down) {
                    for (int l = 0; l < ln; l++) {
                        y[b + l] = unknown[b + l] * (d[b + l] * x[b + l] - sg * x[b + ln + l]);
                    }
                } else {
                    for (int l = 0; l < ln; l++) {
                        y[b + l] = unknown[b + l] * d[b + l] * x[b + l];
                    }
                }
            }
            return;
        }
        for (int t = 0; t < taps; t++) {
            for (int l = 0; l < ln; l++) {
                int k0 = t * ln + l;
                double dd = d[k0];
                double u = unknown[k0];
                int b = k0 * kk;
                for (int k = 0; k < kk; k++) {
                    double s = dd * x[b + k];
                    if (t > 0) {
                        s -= segG * x[b - row + k];
                    }
                    if (t < taps - 1) {
                        s -= segG * x[b + row + k];
                    }
                    y[b + k] = u * s;
                }
            }
        }
    }
}
