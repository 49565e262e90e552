package org.aimc.sim.hat;

import java.util.Arrays;

/**
 * {@link ChargeSettling} over a block of columns and a batch: every sample's pulse ends (its distinct
 * non-zero input values below the window) are the events shared by all columns; each column's conductance
 * on per interval comes from bucketing its rows by the interval their pulse ends in (suffix sums), so one
 * sample costs O(rows · columns + events · columns). The backward pass recomputes each column's recursion
 * (nothing per sample is kept) and spreads ∂Z/∂S back to the rows by prefix sums. Not thread-safe.
 */
final class SettlingColumns {
    private final ChargeSettling rc;
    private double[] events = new double[0];
    private int[] last = new int[0];
    private double[] bucket = new double[0];
    private double[] sums = new double[0];
    private double[] col = new double[0];
    private double[] dcol = new double[0];
    private double[] prefix = new double[0];
    private double[] sorted = new double[0];

    SettlingColumns(ChargeSettling rc) {
        this.rc = rc;
    }

    /**
     * {@code z[b * out + j]} = the column charge of column j for sample b: inputs (pulse widths in LSB units)
     * {@code u[b * rows + i]}, conductances {@code q[i * out + j]} (level units). Overwrites z.
     */
    void forward(double[] u, int batch, int rows, double[] q, int out, double[] z) {
        for (int b = 0; b < batch; b++) {
            int k = prepare(u, b, rows, q, out);
            for (int j = 0; j < out; j++) {
                gather(j, k, out);
                z[b * out + j] = rc.forward(events, k, col);
            }
        }
    }

    /**
     * Given {@code dz[b * out + j] = ∂L/∂z}, adds ∂L/∂q to {@code dq} and ∂L/∂u to {@code du} (when not null).
     */
    void backward(double[] u, int batch, int rows, double[] q, int out, double[] dz, double[] dq, double[] du) {
        for (int b = 0; b < batch; b++) {
            int k = prepare(u, b, rows, q, out);
            ensure(k + 2, out);
            for (int j = 0; j < out; j++) {
                double g = dz[b * out + j];
                if (g == 0) {
                    continue;
                }
                gather(j, k, out);
                rc.forward(events, k, col);
                Arrays.fill(dcol, 0, k + 1, 0);
                rc.backward(events, k, col, g, dcol);
                // prefix sums: a row whose pulse ends in interval m was on in intervals 0..m
                double acc = 0;
                for (int m = 0; m <= k; m++) {
                    acc += dcol[m];
                    prefix[m * out + j] = acc;
                }
                if (du != null) {
                    int uo = b * rows;
                    for (int i = 0; i < rows; i++) {
                        int li = last[i];
                        du[uo + i] += g * rc.pulseSlope(q[i * out + j], li + 1, k);
                    }
                }
            }
            for (int i = 0; i < rows; i++) {
                int li = last[i];
                if (li < 0) {
                    continue;
                }
                int qo = i * out;
                int po = li * out;
                for (int j = 0; j < out; j++) {
                    if (dz[b * out + j] != 0) {
                        dq[qo + j] += prefix[po + j];
                    }
                }
            }
        }
    }

    /**
     * Events of sample b and the suffix sums of its buckets into {@link #sums} ([interval * out + column]);
     * returns the number of events K. Rows get {@code last[i]}: the last interval they are on in (-1: never,
     * K: the whole window).
     */
    private int prepare(double[] u, int b, int rows, double[] q, int out) {
        double window = rc.window();
        if (sorted.length < rows) {
            sorted = new double[rows];
            last = new int[rows];
        }
        int n = 0;
        int uo = b * rows;
        for (int i = 0; i < rows; i++) {
            double v = u[uo + i];
            if (v > 0 && v < window) {
                sorted[n++] = v;
            }
        }
        Arrays.sort(sorted, 0, n);
        int k = 0;
        if (events.length < n + 1) {
            events = new double[n + 1];
        }
        for (int i = 0; i < n; i++) {
            if (k == 0 || sorted[i] != events[k - 1]) {
                events[k++] = sorted[i];
            }
        }
        ensure(k + 2, out);
        Arrays.fill(bucket, 0, (k + 1) * out, 0);
        for (int i = 0; i < rows; i++) {
            double v = u[uo + i];
            int li;
            if (!(v > 0)) {
                li = -1;
            } else if (v >= window) {
                li = k;
            } else {
                li = Arrays.binarySearch(events, 0, k, v);
            }
            last[i] = li;
            if (li >= 0) {
                int qo = i * out;
                int bo = li * out;
                for (int j = 0; j < out; j++) {
                    bucket[bo + j] += q[qo + j];
                }
            }
        }
        // S_m = sum of the buckets m..K
        for (int j = 0; j < out; j++) {
            double acc = 0;
            for (int m = k; m >= 0; m--) {
                acc += bucket[m * out + j];
                sums[m * out + j] = acc;
            }
        }
        return k;
    }

    private void gather(int j, int k, int out) {
        for (int m = 0; m <= k; m++) {
            col[m] = sums[m * out + j];
        }
    }

    private void ensure(int intervals, int out) {
        if (col.length < intervals) {
            col = new double[intervals];
            dcol = new double[intervals];
        }
        if (bucket.length < intervals * out) {
            bucket = new double[intervals * out];
            sums = new double[intervals * out];
            prefix = new double[intervals * out];
        }
    }
}
