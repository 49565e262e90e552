package org.aimc.sim.crossbar;

import java.util.Arrays;

/**
 * One programmed crossbar: its {@link CrossbarSpec}, the conductance of every cell and the state of every
 * line terminal. Immutable; the arrays are copied in and out.
 *
 * <p>Cell (i, j) joins row line i and column line j. Its conductance {@code g(i, j)} (S) is the memory
 * element alone; the access structure of the spec adds the transistor or selector in series. A row is
 * <em>driven</em> (its driver applies the input voltage) or <em>open</em> (the line floats); a column is
 * <em>sensed</em> (held by its sense amplifier at 0 V through the sense resistance) or open. In 1T1R a row
 * can be <em>deselected</em>: its access transistors are off, ideal open switches.
 */
public final class Crossbar {
    private final CrossbarSpec spec;
    private final double[] g;
    private final boolean[] rowDriven;
    private final boolean[] colSensed;
    private final boolean[] rowSelected;

    private Crossbar(CrossbarSpec spec, double[] g, boolean[] rowDriven, boolean[] colSensed,
            boolean[] rowSelected) {
        this.spec = spec;
        this.g = g;
        this.rowDriven = rowDriven;
        this.colSensed = colSensed;
        this.rowSelected = rowSelected;
    }

    /**
     * A crossbar with every row driven, every column sensed and every row selected.
     *
     * @param conductanceS cell conductances, row-major: {@code conductanceS[i * cols + j]}; each finite and
     *                     {@code >= 0} (0 = a cell that does not conduct)
     */
    public static Crossbar of(CrossbarSpec spec, double[] conductanceS) {
        int m = spec.rows();
        int n = spec.cols();
        if (conductanceS.length != m * n) {
            throw new CrossbarException("conductances: expected rows x cols = " + m + " x " + n + " = " + m * n
                    + " values, got " + conductanceS.length);
        }
        double[] g = conductanceS.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = g[i * n + j];
                if (Double.isNaN(v)) {
                    throw new CrossbarException("cell (" + i + ", " + j + "): conductance is NaN");
                }
                if (v < 0) {
                    throw new CrossbarException("cell (" + i + ", " + j + "): conductance " + v
                            + " S is negative; a passive cell has G >= 0");
                }
                if (Double.isInfinite(v)) {
                    throw new CrossbarException("cell (" + i + ", " + j + "): infinite conductance (zero resistance) "
                            + "would short row line " + i + " to column line " + j + "; give a finite conductance");
                }
            }
        }
        boolean[] d = new boolean[m];
        boolean[] s = new boolean[n];
        boolean[] sel = new boolean[m];
        Arrays.fill(d, true);
        Arrays.fill(s, true);
        Arrays.fill(sel, true);
        return new Crossbar(spec, g, d, s, sel);
    }

    /** A copy whose rows listed in {@code rows} float (driver disconnected). */
    public Crossbar withOpenRows(int... rows) {
        boolean[] d = rowDriven.clone();
        for (int i : rows) {
            d[checkRow(i)] = false;
        }
        return new Crossbar(spec, g, d, colSensed, rowSelected);
    }

    /** A copy whose columns listed in {@code cols} float (no sense amplifier). */
    public Crossbar withOpenColumns(int... cols) {
        boolean[] s = colSensed.clone();
        for (int j : cols) {
            s[checkCol(j)] = false;
        }
        return new Crossbar(spec, g, rowDriven, s, rowSelected);
    }

    /** A copy whose rows listed in {@code rows} have their access transistors off (1T1R only). */
    public Crossbar withDeselectedRows(int... rows) {
        if (!spec.access().equals("1T1R")) {
            throw new CrossbarException("access " + spec.access() + " has no access transistors to deselect; "
                    + "only 1T1R rows can be deselected");
        }
        boolean[] sel = rowSelected.clone();
        for (int i : rows) {
            sel[checkRow(i)] = false;
        }
        return new Crossbar(spec, g, rowDriven, colSensed, sel);
    }

    private int checkRow(int i) {
        if (i < 0 || i >= spec.rows()) {
            throw new CrossbarException("row " + i + " outside [0, " + (spec.rows() - 1) + "]");
        }
        return i;
    }

    private int checkCol(int j) {
        if (j < 0 || j >= spec.cols()) {
            throw new CrossbarException("column " + j + " outside [0, " + (spec.cols() - 1) + "]");
        }
        return j;
    }

    public CrossbarSpec spec() {
        return spec;
    }

    public int rows() {
        return spec.rows();
    }

    public int cols() {
        return spec.cols();
    }

    /** Conductance of the memory element of cell (i, j), S. */
    public double conductanceS(int i, int j) {
        return g[i * spec.cols() + j];
    }

    /** A copy of all cell conductances, row-major. */
    public double[] conductancesS() {
        return g.clone();
    }

    public boolean rowDriven(int i) {
        return rowDriven[i];
    }

    public boolean columnSensed(int j) {
        return colSensed[j];
    }

    /** True unless row i is a deselected 1T1R row. */
    public boolean rowSelected(int i) {
        return rowSelected[i];
    }

    /** True when every row is driven and every column sensed. */
    public boolean allTerminated() {
        for (boolean b : rowDriven) {
            if (!b) {
                return false;
            }
        }
        return allColumnsSensed();
    }

    boolean allColumnsSensed() {
        for (boolean b : colSensed) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    /** True when cell (i, j) can carry current: a positive conductance and, in 1T1R, a selected row. */
    public boolean conducts(int i, int j) {
        return g[i * spec.cols() + j] > 0 && rowSelected[i];
    }
}
