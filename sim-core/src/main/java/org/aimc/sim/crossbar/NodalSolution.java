package org.aimc.sim.crossbar;

/**
 * The operating point of a crossbar for one input vector: every node potential and every column current.
 * Row-line potential u(i, j) is the row-i wire at cell (i, j); column-line potential v(i, j) the column-j wire
 * there. Immutable.
 */
public final class NodalSolution {
    private final int rows;
    private final int cols;
    private final double[] u;
    private final double[] v;
    private final double[] currents;
    private final int iterations;
    private final String method;

    NodalSolution(int rows, int cols, double[] u, double[] v, double[] currents, int iterations, String method) {
        this.rows = rows;
        this.cols = cols;
        this.u = u;
        this.v = v;
        this.currents = currents;
        this.iterations = iterations;
        this.method = method;
    }

    /** Row-line potential at cell (i, j), V. */
    public double rowNodeV(int i, int j) {
        return u[i * cols + j];
    }

    /** Column-line potential at cell (i, j), V. */
    public double columnNodeV(int i, int j) {
        return v[i * cols + j];
    }

    /** Current into the sense amplifier of column j, A (0 for an open column). */
    public double columnCurrentA(int j) {
        return currents[j];
    }

    /** All column currents, A. */
    public double[] columnCurrentsA() {
        return currents.clone();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Linear iterations (conjugate-gradient steps, or Newton steps times their linear steps). */
    public int iterations() {
        return iterations;
    }

    /** Id of the linear kernel that produced the solution. */
    public String method() {
        return method;
    }
}
