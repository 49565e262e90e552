package org.aimc.sim.crossbar;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Independent reference for small linear crossbars: stamps every element of the circuit (drivers, wire
 * segments, cells, access transistors, sense resistors) into a dense modified-nodal matrix with the voltage
 * sources as extra unknowns, exactly as a SPICE program would, and solves it with dense LU. Shares no code
 * with the nodal model.
 */
final class DenseReference {
    private DenseReference() {
    }

    /** Column currents of a linear crossbar (0 for open columns). */
    static double[] columnCurrents(Crossbar xb, double[] vin) {
        CrossbarSpec s = xb.spec();
        int m = s.rows();
        int n = s.cols();
        // nodes: row taps r(i,j), column taps c(i,j), mid nodes of 1T1R cells, driver inputs, sense ends
        int rowTaps = m * n;
        int colTaps = m * n;
        int mid = m * n;
        int nodes = rowTaps + colTaps + mid + m + n;
        int sources = m + n;
        int size = nodes + sources;
        DMatrixRMaj a = new DMatrixRMaj(size, size);
        int rBase = 0;
        int cBase = rowTaps;
        int mBase = rowTaps + colTaps;
        int inBase = mBase + mid;
        int endBase = inBase + m;
        // every node gets a tiny ground leak only if it would otherwise be unused: unused nodes are pinned
        boolean[] used = new boolean[nodes];
        java.util.function.BiConsumer<int[], Double> res = (pq, ohm) -> {
            int p = pq[0];
            int q = pq[1];
            double g = 1.0 / ohm;
            used[p] = true;
            used[q] = true;
            a.add(p, p, g);
            a.add(q, q, g);
            a.add(p, q, -g);
            a.add(q, p, -g);
        };
        java.util.List<int[]> shorts = new java.util.ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j + 1 < n; j++) {
                connect(res, shorts, rBase + i * n + j, rBase + i * n + j + 1, s.rowWireOhm());
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i + 1 < m; i++) {
                connect(res, shorts, cBase + i * n + j, cBase + (i + 1) * n + j, s.colWireOhm());
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double g = xb.conductanceS(i, j);
                if (g == 0 || !xb.rowSelected(i)) {
                    continue;
                }
                int r = rBase + i * n + j;
                int c = cBase + i * n + j;
                if (s.access().equals("1T1R")) {
                    int mm = mBase + i * n + j;
                    res.accept(new int[] {r, mm}, 1.0 / g);
                    connect(res, shorts, mm, c, s.accessOnOhm());
                } else {
                    res.accept(new int[] {r, c}, 1.0 / g);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            if (xb.rowDriven(i)) {
                connect(res, shorts, inBase + i, rBase + i * n, s.driverOhm());
            }
        }
        for (int j = 0; j < n; j++) {
            if (xb.columnSensed(j)) {
                connect(res, shorts, cBase + (m - 1) * n + j, endBase + j, s.senseOhm());
            }
        }
        // voltage sources: input sources (node in_i = V_i), sense sources (end_j = 0), zero-ohm shorts
        int total = size + shorts.size();
        DMatrixRMaj big = new DMatrixRMaj(total, total);
        DMatrixRMaj b = new DMatrixRMaj(total, 1);
        CommonOps_DDRM.extract(a, 0, size, 0, size, big, 0, 0);
        int k = nodes;
        int[] senseRow = new int[n];
        for (int i = 0; i < m; i++) {
            int p = inBase + i;
            if (xb.rowDriven(i)) {
                used[p] = true;
                big.set(p, k, 1);
                big.set(k, p, 1);
                b.set(k, 0, vin[i]);
            } else {
                big.set(k, k, 1);
            }
            k++;
        }
        for (int j = 0; j < n; j++) {
            int p = endBase + j;
            senseRow[j] = k;
            if (xb.columnSensed(j)) {
                used[p] = true;
                big.set(p, k, 1);
                big.set(k, p, 1);
            } else {
                big.set(k, k, 1);
            }
            k++;
        }
        for (int[] sh : shorts) {
            used[sh[0]] = true;
            used[sh[1]] = true;
            big.set(sh[0], k, 1);
            big.set(k, sh[0], 1);
            big.set(sh[1], k, -1);
            big.set(k, sh[1], -1);
            k++;
        }
        for (int p = 0; p < nodes; p++) {
            if (!used[p]) {
                big.set(p, p, 1);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(total, 1);
        if (!CommonOps_DDRM.solve(big, b, x)) {
            throw new IllegalStateException("reference matrix singular");
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            // branch current of the sense source: the current leaving the column end into its + terminal
            out[j] = xb.columnSensed(j) ? x.get(senseRow[j], 0) : 0;
        }
        return out;
    }

    private static void connect(java.util.function.BiConsumer<int[], Double> res, java.util.List<int[]> shorts,
            int p, int q, double ohm) {
        if (ohm == 0) {
            shorts.add(new int[] {p, q});
        } else {
            res.accept(new int[] {p, q}, ohm);
        }
    }
}
