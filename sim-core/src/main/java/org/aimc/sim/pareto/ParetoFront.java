package org.aimc.sim.pareto;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An exact, mergeable Pareto front (or the first {@link ParetoSpec#depth()} non-dominated layers) of
 * indexed points: a small immutable summary built per partition and merged, like a sketch.
 *
 * <h2>What is kept</h2>
 * Point p <em>beats</em> point q when p dominates q (no worse in every objective, better in at least
 * one), or when both have identical objective values and p has the lower index. Beating is a strict
 * partial order, so a finite set has a well-defined set of unbeaten points: the front. Among points with
 * identical objective vectors only the lowest index is on the front; the others get rank 2, 3, ... in
 * index order. The same (index, values) added twice is one point. Rank r (1 = front) is one plus the
 * length of the longest chain of points beating it; the front keeps every point of rank ≤ depth.
 *
 * <h2>Merge</h2>
 * {@code merge(front(A), front(B)) == front(A ∪ B)} exactly, where A ∪ B concatenates the inputs: a point
 * of rank r in A ∪ B has rank ≤ r in A (or B), and every point of a chain below it has smaller rank, so
 * the kept layers of the parts hold everything needed. Merge is therefore associative and commutative,
 * and its result does not depend on how the input was partitioned or ordered.
 *
 * <h2>Missing values</h2>
 * A point with a NaN or infinite objective cannot be placed: it is counted in {@link #excluded()} and
 * otherwise ignored. {@link #inputs()} counts every point offered, excluded ones included.
 *
 * <h2>ε-dominance (optional)</h2>
 * With box widths ε, objective value v (in minimisation sense) falls in box ⌊v/ε⌋. Points are compared by
 * their box vectors (Laumanns, Thiele, Deb, Zitzler, Evol. Comput. 10(3), 2002: ε-box dominance);
 * among points in the same box the one nearest the box's lower corner (sum of per-objective distances in
 * box widths) wins, then the lexicographically smaller values, then the lower index. The kept set has at
 * most one point per box and is still an exact, mergeable function of the input, because boxes are
 * anchored at 0, not at the data.
 *
 * <p>Points are stored by rank, and inside a rank in the order used for sorting (ε-box numbers when ε is
 * set, then the objective values lexicographically in minimisation sense, then the index);
 * {@link #equals} compares the spec, the points, their ranks and both counts.
 */
public final class ParetoFront implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ParetoSpec spec;
    private final long[] idx;
    /** Objective values in minimisation sense (maximised objectives negated), row-major. */
    private final double[] minVals;
    private final int[] rank;
    private final long inputs;
    private final long excluded;

    private ParetoFront(ParetoSpec spec, long[] idx, double[] minVals, int[] rank, long inputs, long excluded) {
        this.spec = spec;
        this.idx = idx;
        this.minVals = minVals;
        this.rank = rank;
        this.inputs = inputs;
        this.excluded = excluded;
    }

    /** A builder for one partition's (or any stream's) front. */
    public static Builder builder(ParetoSpec spec) {
        return new Builder(spec);
    }

    /** The front of no points. */
    public static ParetoFront empty(ParetoSpec spec) {
        return builder(spec).build();
    }

    public ParetoSpec spec() {
        return spec;
    }

    /** Points kept (all ranks ≤ depth). */
    public int size() {
        return idx.length;
    }

    /** Points of rank 1; they come first. */
    public int frontSize() {
        int k = 0;
        while (k < rank.length && rank[k] == 1) {
            k++;
        }
        return k;
    }

    public long index(int i) {
        return idx[i];
    }

    public int rank(int i) {
        return rank[i];
    }

    /** Objective {@code k} of point {@code i}, in the objective's own unit and sign. */
    public double value(int i, int k) {
        double v = minVals[i * spec.dimensions() + k];
        return spec.objectives().get(k).direction() == Direction.MAX ? 0.0 - v : v;
    }

    /** Objective {@code k} of point {@code i} in minimisation sense (maximised objectives negated). */
    public double minimisedValue(int i, int k) {
        return minVals[i * spec.dimensions() + k];
    }

    /** Points offered to the builders, excluded ones included. */
    public long inputs() {
        return inputs;
    }

    /** Points offered with a NaN or infinite objective. */
    public long excluded() {
        return excluded;
    }

    /** Indices of the kept points, in storage order. */
    public long[] indices() {
        return idx.clone();
    }

    /**
     * The front of the union of both inputs.
     *
     * @throws IllegalArgumentException when the specs differ
     */
    public ParetoFront merge(ParetoFront other) {
        if (!spec.equals(other.spec)) {
            throw new IllegalArgumentException("cannot merge fronts of different specs: " + spec + " vs "
                    + other.spec);
        }
        int d = spec.dimensions();
        PointBuffer b = new PointBuffer(d, Builder.epsilon(spec), size() + other.size());
        for (ParetoFront f : List.of(this, other)) {
            for (int i = 0; i < f.size(); i++) {
                b.add(f.idx[i], f.minVals, i * d);
            }
        }
        return finish(spec, b, Math.addExact(inputs, other.inputs), Math.addExact(excluded, other.excluded));
    }

    /** Merges any number of fronts of one spec (at least one). */
    public static ParetoFront mergeAll(List<ParetoFront> fronts) {
        if (fronts.isEmpty()) {
            throw new IllegalArgumentException("mergeAll: no fronts");
        }
        List<ParetoFront> level = new ArrayList<>(fronts);
        while (level.size() > 1) {
            List<ParetoFront> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    private static ParetoFront finish(ParetoSpec spec, PointBuffer b, long inputs, long excluded) {
        Layers.Selection s = Layers.select(b, spec.depth());
        int d = spec.dimensions();
        Integer[] order = new Integer[s.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // selection is in the buffer's total order; group it by rank, keeping that order inside a rank
        Arrays.sort(order, (x, y) -> Integer.compare(s.ranks()[x], s.ranks()[y]));
        long[] idx = new long[order.length];
        double[] vals = new double[order.length * d];
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            int p = s.positions()[order[i]];
            idx[i] = b.idx[p];
            System.arraycopy(b.vals, p * d, vals, i * d, d);
            rank[i] = s.ranks()[order[i]];
        }
        return new ParetoFront(spec, idx, vals, rank, inputs, excluded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParetoFront f && spec.equals(f.spec) && inputs == f.inputs && excluded == f.excluded
                && Arrays.equals(idx, f.idx) && Arrays.equals(minVals, f.minVals) && Arrays.equals(rank, f.rank);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, inputs, excluded, Arrays.hashCode(idx), Arrays.hashCode(minVals),
                Arrays.hashCode(rank));
    }

    @Override
    public String toString() {
        return "ParetoFront[" + spec.objectivesText() + ", depth " + spec.depth() + ", " + size() + " kept ("
                + frontSize() + " on the front) of " + inputs + " (" + excluded + " excluded)]";
    }

    /**
     * Accumulates points; memory stays bounded by the kept layers plus one batch, because the buffer is
     * reduced to its kept layers whenever it fills. Not thread-safe.
     */
    public static final class Builder {
        private final ParetoSpec spec;
        private final int d;
        private final boolean[] negate;
        private final double[] eps;
        private final double[] scratch;
        private PointBuffer buf;
        private int kept;
        private long inputs;
        private long excluded;

        private Builder(ParetoSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            this.d = spec.dimensions();
            this.negate = new boolean[d];
            for (int k = 0; k < d; k++) {
                negate[k] = spec.objectives().get(k).direction() == Direction.MAX;
            }
            this.eps = epsilon(spec);
            this.scratch = new double[d];
            this.buf = new PointBuffer(d, eps, 1024);
        }

        static double[] epsilon(ParetoSpec spec) {
            if (spec.epsilon().isEmpty()) {
                return null;
            }
            return spec.epsilon().stream().mapToDouble(Double::doubleValue).toArray();
        }

        /**
         * Offers a point.
         *
         * @param index  the point's index (its identity; ties are broken by it)
         * @param values one value per objective, in the spec's order and the objectives' own signs; read only
         */
        public Builder add(long index, double[] values) {
            if (values.length != d) {
                throw new IllegalArgumentException("point " + index + ": " + values.length + " values for " + d
                        + " objectives " + spec.objectivesText());
            }
            inputs++;
            for (int k = 0; k < d; k++) {
                double v = values[k];
                if (!Double.isFinite(v)) {
                    excluded++;
                    return this;
                }
                scratch[k] = (negate[k] ? -v : v) + 0.0;
            }
            buf.add(index, scratch, 0);
            if (buf.n - kept >= Math.max(ParetoLimits.BATCH, kept)) {
                reduce();
            }
            return this;
        }

        private void reduce() {
            Layers.Selection s = Layers.select(buf, spec.depth());
            buf = buf.select(s.positions(), s.size(), Math.max(ParetoLimits.BATCH, s.size()));
            kept = s.size();
        }

        /** The front of everything offered so far. The builder stays usable. */
        public ParetoFront build() {
            return finish(spec, buf, inputs, excluded);
        }
    }
}
