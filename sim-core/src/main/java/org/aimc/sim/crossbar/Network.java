package org.aimc.sim.crossbar;

/**
 * The nodal layout of a crossbar (physics.md §5.1): the row-line node set A and the column-line node set B,
 * each a {@link LineSet}, and the cells that couple them. A node of A is a row-line tap (row i, tap j, the
 * driver at tap 0); a node of B is a column-line tap (column j, tap M-1-i, the sense amplifier at tap 0).
 *
 * <p>In block form the KCL equations are {@code [A_A, -C; -C^T, A_B] [u; v] = [b_A; b_B]}, where A_A and A_B
 * are the line operators loaded by the cells and C holds the cell conductances between the two sets.
 */
final class Network {
    final Crossbar xb;
    final int m;
    final int n;
    final boolean rowLumped;
    final boolean colLumped;
    final LineSet rowsA;
    final LineSet colsB;
    /** Bound on the driving-point resistance of every node of A and B (path to a terminal), ohm; +Inf when none. */
    final double[] pathOhmA;
    final double[] pathOhmB;

    Network(Crossbar xb) {
        this.xb = xb;
        CrossbarSpec s = xb.spec();
        this.m = s.rows();
        this.n = s.cols();
        this.rowLumped = s.rowWireOhm() == 0;
        this.colLumped = s.colWireOhm() == 0;
        double[] termA = new double[m];
        for (int i = 0; i < m; i++) {
            termA[i] = !xb.rowDriven(i) ? 0 : s.driverOhm() == 0 ? Double.POSITIVE_INFINITY : 1.0 / s.driverOhm();
        }
        double[] termB = new double[n];
        for (int j = 0; j < n; j++) {
            termB[j] = !xb.columnSensed(j) ? 0 : s.senseOhm() == 0 ? Double.POSITIVE_INFINITY : 1.0 / s.senseOhm();
        }
        this.rowsA = new LineSet("row", m, rowLumped ? 1 : n, rowLumped ? 0 : 1.0 / s.rowWireOhm(), termA);
        this.colsB = new LineSet("column", n, colLumped ? 1 : m, colLumped ? 0 : 1.0 / s.colWireOhm(), termB);
        this.pathOhmA = new double[rowsA.size()];
        for (int t = 0; t < rowsA.taps; t++) {
            for (int i = 0; i < m; i++) {
                pathOhmA[t * m + i] = xb.rowDriven(i) ? s.driverOhm() + t * s.rowWireOhm() : Double.POSITIVE_INFINITY;
            }
        }
        this.pathOhmB = new double[colsB.size()];
        for (int t = 0; t < colsB.taps; t++) {
            for (int j = 0; j < n; j++) {
                pathOhmB[t * n + j] = xb.columnSensed(j) ? s.senseOhm() + t * s.colWireOhm() : Double.POSITIVE_INFINITY;
            }
        }
    }

    int sizeA() {
        return rowsA.size();
    }

    int sizeB() {
        return colsB.size();
    }

    /** Node of A that cell (i, j) touches. */
    int idxA(int i, int j) {
        return rowLumped ? i : j * m + i;
    }

    /** Node of B that cell (i, j) touches. */
    int idxB(int i, int j) {
        return colLumped ? j : (m - 1 - i) * n + j;
    }

    /** Writes the cell loads of every node: {@code loadsA}, {@code loadsB} (overwritten). */
    void loads(double[] cellG, double[] loadsA, double[] loadsB) {
        java.util.Arrays.fill(loadsA, 0);
        java.util.Arrays.fill(loadsB, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double g = cellG[i * n + j];
                loadsA[idxA(i, j)] += g;
                loadsB[idxB(i, j)] += g;
            }
        }
    }

    /** yA = C xB. Overwrites {@code yA}. */
    void coupleToA(double[] cellG, double[] xB, double[] yA) {
        if (!rowLumped && !colLumped) {
            int tile = CrossbarTolerances.TILE;
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i0 = 0; i0 < m; i0 += tile) {
                    int i1 = Math.min(m, i0 + tile);
                    for (int j = j0; j < j1; j++) {
                        int aCol = j * m;
                        for (int i = i0; i < i1; i++) {
                            yA[aCol + i] = cellG[i * n + j] * xB[(m - 1 - i) * n + j];
                        }
                    }
                }
            }
            return;
        }
        java.util.Arrays.fill(yA, 0, sizeA(), 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                yA[idxA(i, j)] += cellG[i * n + j] * xB[idxB(i, j)];
            }
        }
    }

    /** yB = C^T xA. Overwrites {@code yB}. */
    void coupleToB(double[] cellG, double[] xA, double[] yB) {
        java.util.Arrays.fill(yB, 0, sizeB(), 0);
        addToB(cellG, xA, yB, 1);
    }

    /** yB += scale · C^T xA. Modifies {@code yB}. */
    void addToB(double[] cellG, double[] xA, double[] yB, double scale) {
        if (!rowLumped && !colLumped) {
            int tile = CrossbarTolerances.TILE;
            for (int i0 = 0; i0 < m; i0 += tile) {
                int i1 = Math.min(m, i0 + tile);
                for (int j0 = 0; j0 < n; j0 += tile) {
                    int j1 = Math.min(n, j0 + tile);
                    for (int i = i0; i < i1; i++) {
                        int bRow = (m - 1 - i) * n;
                        int gRow = i * n;
                        for (int j = j0; j < j1; j++) {
                            yB[bRow + j] += scale * cellG[gRow + j] * xA[j * m + i];
                        }
                    }
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                yB[idxB(i, j)] += scale * cellG[i * n + j] * xA[idxA(i, j)];
            }
        }
    }

    /**
     * Right-hand sides of the unknown nodes for input voltages {@code vin[i]} (open rows ignored): the finite
     * drivers' currents g_s V, the wire from an ideally driven tap 0 to tap 1, and, when {@code cellG} is
     * given (linear cells), the currents the cells of ideally fixed row nodes inject into B. Overwrites
     * {@code rA} and {@code rB}.
     */
    void sources(double[] vin, double[] cellG, double[] rA, double[] rB) {
        java.util.Arrays.fill(rA, 0, sizeA(), 0);
        java.util.Arrays.fill(rB, 0, sizeB(), 0);
        for (int i = 0; i < m; i++) {
            if (!xb.rowDriven(i)) {
                continue;
            }
            double tg = rowsA.termG[i];
            double v = vin[i];
            if (!Double.isInfinite(tg)) {
                rA[i] += tg * v;
                continue;
            }
            if (!rowLumped && n > 1) {
                rA[m + i] += rowsA.segG * v;
            }
            if (cellG != null) {
                int jEnd = rowLumped ? n : 1;
                for (int j = 0; j < jEnd; j++) {
                    int b = idxB(i, j);
                    if (!colsB.fixed(b)) {
                        rB[b] += cellG[i * n + j] * v;
                    }
                }
            }
        }
    }

    /** Sets the fixed nodes of A to their driven voltages (fixed nodes of B are at 0 V). Modifies {@code xA}. */
    void fillFixed(double[] vin, double[] xA) {
        for (int i = 0; i < m; i++) {
            if (xb.rowDriven(i) && rowsA.fixed(i)) {
                xA[i] = vin[i];
            }
        }
    }
}
