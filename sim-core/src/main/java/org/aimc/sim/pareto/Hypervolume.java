package org.aimc.sim.pareto;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Hypervolume of a front and each point's exclusive contribution (the volume only that point dominates).
 *
 * <p>Everything here works in minimisation sense: the volume between the points and a reference point r
 * that every counted point beats in every objective. A point not strictly better than r in every
 * objective adds nothing and has contribution 0. Contributions are exclusive shares of the non-dominated
 * set: a dominated point, or a later copy of a vector, has contribution 0 and does not reduce the
 * others' (for a mutually non-dominated set of distinct points, as a front is, this is V(S) − V(S \ {p})).
 * <ul>
 *   <li>1 and 2 objectives: exact, by sort and sweep, O(n log n).
 *   <li>3 objectives: exact, sweeping the third objective over a 2-D staircase kept in a balanced tree,
 *       O(n log n) (Beume, Fonseca, López-Ibáñez, Paquete, Vahrenhold, IEEE TEVC 13(5), 2009); exclusive
 *       contributions as V(S) − V(S \ {p}), O(n² log n).
 *   <li>4 or more: Monte-Carlo estimate with uniform samples in the box between the points' ideal and r;
 *       the standard error of each figure is reported. Samples come from
 *       {@link KeyedRandom#stream}(seed, 0, {@link Purpose#HYPERVOLUME}, block), so a result is a pure
 *       function of the points, r, the seed and the sample count.
 * </ul>
 *
 * <p><b>Default reference point</b> ({@link #defaultReference}): for each objective the nadir (worst value
 * on the front) moved 10% of the ideal-to-nadir range further away from the ideal; when the range is 0,
 * 10% of |nadir|, or 1 when the nadir is 0. The extreme points therefore have non-zero contributions.
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    /**
     * A hypervolume and the exclusive contributions, in the product of the objectives' units.
     *
     * @param volume             hypervolume
     * @param standardError      0 when exact
     * @param exact              whether computed exactly
     * @param contributions      one per point, in the order the points were given
     * @param contributionErrors standard errors of the contributions (all 0 when exact)
     * @param reference          reference point, minimisation sense
     * @param boxVolume          volume of the box between the points' ideal and the reference (0 if no point
     *                           beats the reference); dividing by it gives dimensionless shares
     * @param samples            Monte-Carlo samples (0 when exact)
     */
    public record Result(double volume, double standardError, boolean exact, double[] contributions,
            double[] contributionErrors, double[] reference, double boxVolume, long samples) {
    }

    /**
     * Hypervolume of the rank-1 points of a front with the default reference point; Monte-Carlo beyond 3
     * objectives with the default sample count and the given seed. Contributions follow the front's
     * storage order (rank-1 points come first).
     */
    public static Result of(ParetoFront f, long seed) {
        double[][] pts = frontPoints(f);
        return of(pts, defaultReference(pts), seed, ParetoLimits.MC_SAMPLES);
    }

    /** The rank-1 points of a front, in minimisation sense. */
    public static double[][] frontPoints(ParetoFront f) {
        int m = f.frontSize();
        int d = f.spec().dimensions();
        double[][] pts = new double[m][d];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < d; k++) {
                pts[i][k] = f.minimisedValue(i, k);
            }
        }
        return pts;
    }

    /** The default reference point of the class comment, minimisation sense; empty input gives an empty array. */
    public static double[] defaultReference(double[][] pts) {
        if (pts.length == 0) {
            return new double[0];
        }
        int d = pts[0].length;
        double[] ref = new double[d];
        for (int k = 0; k < d; k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] p : pts) {
                lo = Math.min(lo, p[k]);
                hi = Math.max(hi, p[k]);
            }
            double span = hi - lo;
            double off = span > 0 ? span : (hi != 0 ? Math.abs(hi) : 1.0);
            ref[k] = hi + ParetoLimits.REFERENCE_OFFSET * off;
        }
        return ref;
    }

    /**
     * Hypervolume of points in minimisation sense. The points need not be mutually non-dominated
     * (dominated ones contribute 0).
     *
     * @param pts     points, each of length d; not modified
     * @param ref     reference point of length d
     * @param seed    key of the Monte-Carlo samples (used only for d > 3)
     * @param samples Monte-Carlo sample count (used only for d > 3), at least 1
     */
    public static Result of(double[][] pts, double[] ref, long seed, int samples) {
        int n = pts.length;
        int d = ref.length;
        for (double[] p : pts) {
            if (p.length != d) {
                throw new IllegalArgumentException("point of " + p.length + " objectives for a reference of " + d);
            }
        }
        for (double r : ref) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("reference point must be finite: " + Arrays.toString(ref));
            }
        }
        double box = boxVolume(pts, ref);
        int[] keep = nonDominatedInside(pts, ref);
        double[][] front = new double[keep.length][];
        for (int i = 0; i < keep.length; i++) {
            front[i] = pts[keep[i]];
        }
        Result r;
        if (d <= 3) {
            double v = exact(front, ref, -1);
            double[] c = new double[front.length];
            if (d == 1) {
                contributions1(front, ref, c);
            } else if (d == 2) {
                contributions2(front, ref, c);
            } else {
                for (int i = 0; i < front.length; i++) {
                    c[i] = Math.max(0, v - exact(front, ref, i));
                }
            }
            r = new Result(v, 0, true, c, new double[front.length], ref.clone(), box, 0);
        } else {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1, got " + samples);
            }
            r = monteCarlo(front, ref, box, seed, samples);
        }
        double[] c = new double[n];
        double[] ce = new double[n];
        for (int i = 0; i < keep.length; i++) {
            c[keep[i]] = r.contributions()[i];
            ce[keep[i]] = r.contributionErrors()[i];
        }
        return new Result(r.volume(), r.standardError(), r.exact(), c, ce, r.reference(), box, r.samples());
    }

    /**
     * Positions of the points strictly inside the reference box that no other point dominates, each
     * repeated vector once (its first occurrence): the set the contributions are shares of.
     */
    static int[] nonDominatedInside(double[][] pts, double[] ref) {
        int d = ref.length;
        PointBuffer b = new PointBuffer(d, null, pts.length);
        for (int i = 0; i < pts.length; i++) {
            if (inside(pts[i], ref)) {
                double[] v = pts[i].clone();
                for (int k = 0; k < d; k++) {
                    v[k] += 0.0;
                }
                b.add(i, v, 0);
            }
        }
        Layers.Selection s = Layers.select(b, 1);
        int[] keep = new int[s.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = (int) b.idx[s.positions()[i]];
        }
        Arrays.sort(keep);
        return keep;
    }

    private static boolean inside(double[] p, double[] ref) {
        for (int k = 0; k < ref.length; k++) {
            if (!(p[k] < ref[k])) {
                return false;
            }
        }
        return true;
    }

    private static double boxVolume(double[][] pts, double[] ref) {
        int d = ref.length;
        double[] ideal = new double[d];
        Arrays.fill(ideal, Double.POSITIVE_INFINITY);
        boolean any = false;
        for (double[] p : pts) {
            if (inside(p, ref)) {
                any = true;
                for (int k = 0; k < d; k++) {
                    ideal[k] = Math.min(ideal[k], p[k]);
                }
            }
        }
        if (!any) {
            return 0;
        }
        double v = 1;
        for (int k = 0; k < d; k++) {
            v *= ref[k] - ideal[k];
        }
        return v;
    }

    /** Exact volume for d ≤ 3, leaving out point {@code skip} (-1: none). */
    static double exact(double[][] pts, double[] ref, int skip) {
        int d = ref.length;
        double[][] in = Arrays.stream(pts).filter(p -> inside(p, ref)).filter(p -> skip < 0 || p != pts[skip])
                .toArray(double[][]::new);
        if (in.length == 0) {
            return 0;
        }
        if (d == 1) {
            double lo = Double.POSITIVE_INFINITY;
            for (double[] p : in) {
                lo = Math.min(lo, p[0]);
            }
            return ref[0] - lo;
        }
        if (d == 2) {
            return area2(in, ref);
        }
        return volume3(in, ref);
    }

    private static double area2(double[][] in, double[] ref) {
        double[][] s = in.clone();
        Arrays.sort(s, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double area = 0;
        double yPrev = ref[1];
        for (int i = 0; i < s.length; i++) {
            if (s[i][1] >= yPrev) {
                continue;
            }
            area += (ref[0] - s[i][0]) * (yPrev - s[i][1]);
            yPrev = s[i][1];
        }
        return area;
    }

    private static double volume3(double[][] in, double[] ref) {
        double[][] s = in.clone();
        Arrays.sort(s, (a, b) -> Double.compare(a[2], b[2]));
        TreeMap<Double, Double> stairs = new TreeMap<>();
        double area = 0;
        double vol = 0;
        for (int i = 0; i < s.length; i++) {
            area += insert(stairs, s[i][0], s[i][1], ref[0], ref[1]);
            double zNext = i + 1 < s.length ? s[i + 1][2] : ref[2];
            vol += area * (zNext - s[i][2]);
        }
        return vol;
    }

    /**
     * Adds (x, y) to a 2-D staircase (x increasing, y decreasing) and returns the area it adds to the
     * region dominated below (rx, ry).
     */
    private static double insert(TreeMap<Double, Double> stairs, double x, double y, double rx, double ry) {
        Map.Entry<Double, Double> floor = stairs.floorEntry(x);
        double h = floor == null ? ry : floor.getValue();
        if (h <= y) {
            return 0;
        }
        double added = 0;
        double t = x;
        Iterator<Map.Entry<Double, Double>> it = stairs.tailMap(x, false).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Double, Double> e = it.next();
            added += (e.getKey() - t) * (h - y);
            t = e.getKey();
            h = e.getValue();
            if (h >= y) {
                it.remove();
            }
            if (h <= y) {
                break;
            }
        }
        if (h > y) {
            added += (rx - t) * (h - y);
        }
        if (floor != null && floor.getKey() == x) {
            stairs.remove(x);
        }
        stairs.put(x, y);
        return added;
    }

    private static void contributions1(double[][] pts, double[] ref, double[] c) {
        int best = -1;
        double second = ref[0];
        for (int i = 0; i < pts.length; i++) {
            if (!inside(pts[i], ref)) {
                continue;
            }
            if (best < 0 || pts[i][0] < pts[best][0]) {
                if (best >= 0) {
                    second = Math.min(second, pts[best][0]);
                }
                best = i;
            } else {
                second = Math.min(second, pts[i][0]);
            }
        }
        if (best >= 0) {
            c[best] = second - pts[best][0];
        }
    }

    /** Exclusive contributions in 2-D of mutually non-dominated points: the rectangle to their neighbours. */
    private static void contributions2(double[][] pts, double[] ref, double[] c) {
        Integer[] order = new Integer[pts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pts[a][0], pts[b][0]));
        for (int j = 0; j < order.length; j++) {
            double[] p = pts[order[j]];
            double xNext = j + 1 < order.length ? pts[order[j + 1]][0] : ref[0];
            double yPrev = j > 0 ? pts[order[j - 1]][1] : ref[1];
            c[order[j]] = (xNext - p[0]) * (yPrev - p[1]);
        }
    }

    private static Result monteCarlo(double[][] pts, double[] ref, double box, long seed, int samples) {
        int n = pts.length;
        int d = ref.length;
        double[][] in = Arrays.stream(pts).filter(p -> inside(p, ref)).toArray(double[][]::new);
        int[] map = new int[in.length];
        for (int i = 0, j = 0; i < n; i++) {
            if (inside(pts[i], ref)) {
                map[j++] = i;
            }
        }
        double[] lo = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        for (double[] p : in) {
            for (int k = 0; k < d; k++) {
                lo[k] = Math.min(lo[k], p[k]);
            }
        }
        long hits = 0;
        long[] only = new long[in.length];
        double[] u = new double[d];
        UniformRandomProvider rng = null;
        for (int s = 0; s < samples && in.length > 0; s++) {
            if (s % ParetoLimits.MC_BLOCK == 0) {
                rng = KeyedRandom.stream(seed, 0L, Purpose.HYPERVOLUME, s / ParetoLimits.MC_BLOCK);
            }
            for (int k = 0; k < d; k++) {
                u[k] = lo[k] + rng.nextDouble() * (ref[k] - lo[k]);
            }
            int count = 0;
            int who = -1;
            for (int i = 0; i < in.length && count < 2; i++) {
                double[] p = in[i];
                boolean dom = true;
                for (int k = 0; k < d; k++) {
                    if (p[k] > u[k]) {
                        dom = false;
                        break;
                    }
                }
                if (dom) {
                    count++;
                    who = i;
                }
            }
            if (count > 0) {
                hits++;
            }
            if (count == 1) {
                only[who]++;
            }
        }
        double phat = (double) hits / samples;
        double[] c = new double[n];
        double[] ce = new double[n];
        for (int j = 0; j < in.length; j++) {
            double q = (double) only[j] / samples;
            c[map[j]] = box * q;
            ce[map[j]] = box * Math.sqrt(q * (1 - q) / samples);
        }
        return new Result(box * phat, box * Math.sqrt(phat * (1 - phat) / samples), false, c, ce, ref.clone(), box,
                samples);
    }
}
