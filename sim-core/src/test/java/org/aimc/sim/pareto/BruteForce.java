package org.aimc.sim.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** O(n²) references for the tests: the definitions of ParetoFront's comment, written out directly. */
final class BruteForce {
    private BruteForce() {
    }

    /** A test point: index and values in the objectives' own signs. */
    record P(long index, double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof P p && p.index == index && Arrays.equals(p.v, v);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(index) * 31 + Arrays.hashCode(v);
        }
    }

    static double[] minSpace(ParetoSpec s, double[] v) {
        double[] m = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            m[k] = (s.objectives().get(k).direction() == Direction.MAX ? -v[k] : v[k]) + 0.0;
        }
        return m;
    }

    /** Whether p beats q under the spec's rule (exact or ε-box). */
    static boolean beats(ParetoSpec s, P p, P q) {
        double[] a = minSpace(s, p.v());
        double[] b = minSpace(s, q.v());
        if (s.epsilon().isEmpty()) {
            return dominates(a, b) || (Arrays.equals(a, b) && p.index() < q.index());
        }
        double[] ba = new double[a.length];
        double[] bb = new double[b.length];
        double ta = 0;
        double tb = 0;
        for (int k = 0; k < a.length; k++) {
            double e = s.epsilon().get(k);
            ba[k] = Math.floor(a[k] / e) + 0.0;
            bb[k] = Math.floor(b[k] / e) + 0.0;
            ta += a[k] / e - ba[k];
            tb += b[k] / e - bb[k];
        }
        if (dominates(ba, bb)) {
            return true;
        }
        if (!Arrays.equals(ba, bb)) {
            return false;
        }
        if (ta != tb) {
            return ta < tb;
        }
        int c = Arrays.compare(a, b);
        return c != 0 ? c < 0 : p.index() < q.index();
    }

    static boolean dominates(double[] a, double[] b) {
        boolean strict = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            strict |= a[k] < b[k];
        }
        return strict;
    }

    /** Distinct finite points with their rank (rank ≤ depth only), by peeling layers. */
    static List<Object[]> layers(ParetoSpec s, List<P> input) {
        List<P> rest = new ArrayList<>();
        for (P p : input) {
            boolean finite = Arrays.stream(p.v()).allMatch(Double::isFinite);
            if (finite && !rest.contains(p)) {
                rest.add(p);
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (int r = 1; r <= s.depth() && !rest.isEmpty(); r++) {
            List<P> layer = new ArrayList<>();
            for (P q : rest) {
                boolean beaten = false;
                for (P p : rest) {
                    if (p != q && beats(s, p, q)) {
                        beaten = true;
                        break;
                    }
                }
                if (!beaten) {
                    layer.add(q);
                }
            }
            for (P q : layer) {
                out.add(new Object[] {q, r});
            }
            rest.removeAll(layer);
        }
        return out;
    }

    static ParetoFront build(ParetoSpec s, List<P> pts) {
        ParetoFront.Builder b = ParetoFront.builder(s);
        for (P p : pts) {
            b.add(p.index(), p.v());
        }
        return b.build();
    }

    /** (index, values, rank) of every kept point, sorted for comparison with {@link #layers}. */
    static List<String> describe(ParetoFront f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            double[] v = new double[f.spec().dimensions()];
            for (int k = 0; k < v.length; k++) {
                v[k] = f.value(i, k) + 0.0;
            }
            out.add(f.index(i) + " " + Arrays.toString(v) + " r" + f.rank(i));
        }
        out.sort(null);
        return out;
    }

    static List<String> describe(List<Object[]> layers) {
        List<String> out = new ArrayList<>();
        for (Object[] o : layers) {
            P p = (P) o[0];
            double[] v = p.v().clone();
            for (int k = 0; k < v.length; k++) {
                v[k] += 0.0;
            }
            out.add(p.index() + " " + Arrays.toString(v) + " r" + o[1]);
        }
        out.sort(null);
        return out;
    }
}
