package org.aimc.sim.pareto;

import java.util.Arrays;

/**
 * Growable columnar store of points in minimisation space, with the total order every algorithm of this
 * package sorts by. Not thread-safe; owned by one builder or one merge.
 *
 * <p>Order: dominance keys lexicographically (the values themselves, or the ε-box numbers), then, among
 * equal keys, the distance to the box corner (ε mode only), the values lexicographically, and the point
 * index. Under this order no point can be beaten by a later one, and a point is beaten by an earlier one
 * exactly when the earlier point's keys are ≤ its keys in every objective.
 */
final class PointBuffer {
    final int d;
    private final double[] eps;
    int n;
    long[] idx;
    double[] vals;
    double[] keys;
    double[] tie;

    PointBuffer(int d, double[] eps, int capacity) {
        this.d = d;
        this.eps = eps;
        int c = Math.max(capacity, 16);
        idx = new long[c];
        vals = new double[c * d];
        keys = eps == null ? vals : new double[c * d];
        tie = eps == null ? null : new double[c];
    }

    /** Appends a point given in minimisation space (finite values, -0.0 already folded to 0.0). */
    void add(long index, double[] v, int off) {
        ensure(n + 1);
        idx[n] = index;
        System.arraycopy(v, off, vals, n * d, d);
        if (eps != null) {
            double t = 0;
            for (int k = 0; k < d; k++) {
                double q = v[off + k] / eps[k];
                double b = Math.floor(q) + 0.0;
                keys[n * d + k] = b;
                t += q - b;
            }
            tie[n] = t;
        }
        n++;
    }

    void ensure(int cap) {
        if (cap <= idx.length) {
            return;
        }
        int c = Math.max(cap, idx.length + (idx.length >> 1));
        idx = Arrays.copyOf(idx, c);
        boolean shared = keys == vals;
        vals = Arrays.copyOf(vals, c * d);
        keys = shared ? vals : Arrays.copyOf(keys, c * d);
        if (tie != null) {
            tie = Arrays.copyOf(tie, c);
        }
    }

    /** The total order of the class comment. */
    int compare(int i, int j) {
        int a = i * d;
        int b = j * d;
        for (int k = 0; k < d; k++) {
            int c = Double.compare(keys[a + k], keys[b + k]);
            if (c != 0) {
                return c;
            }
        }
        if (tie != null) {
            int c = Double.compare(tie[i], tie[j]);
            if (c != 0) {
                return c;
            }
            for (int k = 0; k < d; k++) {
                c = Double.compare(vals[a + k], vals[b + k]);
                if (c != 0) {
                    return c;
                }
            }
        }
        return Long.compare(idx[i], idx[j]);
    }

    /** True when the keys of {@code i} are ≤ those of {@code j} in every objective. */
    boolean weaklyBelow(int i, int j) {
        int a = i * d;
        int b = j * d;
        for (int k = 0; k < d; k++) {
            if (keys[a + k] > keys[b + k]) {
                return false;
            }
        }
        return true;
    }

    double key(int i, int k) {
        return keys[i * d + k];
    }

    /** Positions 0..n-1 in the total order, each repeated point (same index, same values) once. */
    int[] sortedUnique() {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(p, tmp, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || compare(p[m - 1], p[i]) != 0) {
                p[m++] = p[i];
            }
        }
        return Arrays.copyOf(p, m);
    }

    private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo <= ParetoLimits.INSERTION_SORT_MAX) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** A new buffer holding the given positions of this one, in that order. */
    PointBuffer select(int[] pos, int m, int extraCapacity) {
        PointBuffer o = new PointBuffer(d, eps, m + extraCapacity);
        for (int i = 0; i < m; i++) {
            int s = pos[i];
            o.idx[i] = idx[s];
            System.arraycopy(vals, s * d, o.vals, i * d, d);
            if (eps != null) {
                System.arraycopy(keys, s * d, o.keys, i * d, d);
                o.tie[i] = tie[s];
            }
        }
        o.n = m;
        return o;
    }
}
