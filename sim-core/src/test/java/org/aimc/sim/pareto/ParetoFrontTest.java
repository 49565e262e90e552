package org.aimc.sim.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.pareto.BruteForce.P;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParetoFrontTest {
    private static final Direction[] DIRS = {Direction.MIN, Direction.MAX, Direction.MIN, Direction.MAX, Direction.MIN};

    static ParetoSpec spec(int d, int depth) {
        List<Objective> o = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            o.add(new Objective("o" + k, DIRS[k]));
        }
        return new ParetoSpec(o, depth, List.of());
    }

    /**
     * Random points on a coarse grid (many ties and equal vectors), some repeated outright (same index and
     * values), some with a NaN or infinite objective.
     */
    static List<P> points(long seed, int n, int d, int levels) {
        UniformRandomProvider r = KeyedRandom.stream(seed, n, Purpose.DATA, d);
        List<P> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!out.isEmpty() && r.nextInt(10) == 0) {
                out.add(out.get(r.nextInt(out.size())));
                continue;
            }
            double[] v = new double[d];
            for (int k = 0; k < d; k++) {
                v[k] = r.nextInt(levels) - levels / 3;
            }
            if (r.nextInt(40) == 0) {
                v[r.nextInt(d)] = r.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            }
            out.add(new P(r.nextLong() >>> 40, v));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void frontAndRanksEqualBruteForce(int d) {
        for (int depth : new int[] {1, 2, 4}) {
            for (long seed = 1; seed <= 6; seed++) {
                ParetoSpec s = spec(d, depth);
                List<P> pts = points(seed, 400, d, d <= 2 ? 30 : 8);
                ParetoFront f = BruteForce.build(s, pts);
                assertEquals(BruteForce.describe(BruteForce.layers(s, pts)), BruteForce.describe(f),
                        "d=" + d + " depth=" + depth + " seed=" + seed);
                long bad = pts.stream().filter(p -> !java.util.Arrays.stream(p.v()).allMatch(Double::isFinite)).count();
                assertEquals(pts.size(), f.inputs());
                assertEquals(bad, f.excluded());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void epsilonBoxesEqualBruteForce(int d) {
        for (long seed = 1; seed <= 4; seed++) {
            List<Double> eps = new ArrayList<>();
            for (int k = 0; k < d; k++) {
                eps.add(k == 0 ? 0.7 : 2.5);
            }
            for (int depth : new int[] {1, 3}) {
                ParetoSpec s = spec(d, depth).withEpsilon(eps);
                List<P> pts = points(seed + 100, 300, d, 12);
                assertEquals(BruteForce.describe(BruteForce.layers(s, pts)),
                        BruteForce.describe(BruteForce.build(s, pts)), "d=" + d + " seed=" + seed);
            }
        }
    }

    @Test
    void epsilonKeepsAtMostOnePointPerBox() {
        ParetoSpec s = spec(2, 1).withEpsilon(List.of(10.0, 10.0));
        ParetoFront.Builder b = ParetoFront.builder(s);
        // o0 is minimised, o1 maximised; all three fall in box (0, 0): the one nearest its corner wins
        // (distances in box widths: 0.2, 0.5 and 0.17)
        b.add(1, new double[] {1, -1}).add(2, new double[] {2, -3}).add(3, new double[] {1.5, -0.2});
        ParetoFront f = b.build();
        assertEquals(1, f.size());
        assertEquals(3, f.index(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void mergeIsTheFrontOfTheUnionAssociativeAndCommutative(int d) {
        for (int depth : new int[] {1, 3}) {
            for (long seed = 11; seed <= 16; seed++) {
                ParetoSpec s = spec(d, depth);
                List<P> a = points(seed, 150, d, 6);
                List<P> b = points(seed + 1000, 170, d, 6);
                List<P> c = points(seed + 2000, 90, d, 6);
                b.addAll(a.subList(0, 20)); // the same points in two parts
                ParetoFront fa = BruteForce.build(s, a);
                ParetoFront fb = BruteForce.build(s, b);
                ParetoFront fc = BruteForce.build(s, c);
                List<P> ab = new ArrayList<>(a);
                ab.addAll(b);
                List<P> abc = new ArrayList<>(ab);
                abc.addAll(c);
                assertEquals(BruteForce.build(s, ab), fa.merge(fb), "union, d=" + d + " seed=" + seed);
                assertEquals(fa.merge(fb), fb.merge(fa), "commutative");
                assertEquals(fa.merge(fb).merge(fc), fa.merge(fb.merge(fc)), "associative");
                assertEquals(BruteForce.build(s, abc), fa.merge(fb).merge(fc), "three-way union");
                assertEquals(fa, fa.merge(ParetoFront.empty(s)), "empty is the identity");
            }
        }
    }

    @Test
    void anyPartitioningGivesTheSameFront() {
        ParetoSpec s = spec(3, 2);
        List<P> pts = points(77, 3000, 3, 9);
        ParetoFront whole = BruteForce.build(s, pts);
        for (int parts : new int[] {2, 7, 64}) {
            List<ParetoFront> fs = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                ParetoFront.Builder b = ParetoFront.builder(s);
                for (int i = p; i < pts.size(); i += parts) {
                    b.add(pts.get(i).index(), pts.get(i).v());
                }
                fs.add(b.build());
            }
            java.util.Collections.reverse(fs);
            assertEquals(whole, ParetoFront.mergeAll(fs), parts + " parts");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void batchedBuilderMatchesOneShotFront(int d) {
        // more points than one batch, so the builder reduces its buffer several times
        int n = 3 * ParetoLimits.BATCH + 123;
        UniformRandomProvider r = KeyedRandom.stream(5, d, Purpose.DATA, 1);
        ParetoSpec s = spec(d, 2);
        ParetoFront.Builder all = ParetoFront.builder(s);
        List<ParetoFront> pieces = new ArrayList<>();
        ParetoFront.Builder piece = ParetoFront.builder(s);
        double[] v = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                v[k] = r.nextDouble(); // uniform in the cube: fronts of tens to hundreds of points
            }
            all.add(i, v);
            piece.add(i, v);
            if (i % 5000 == 4999) {
                pieces.add(piece.build());
                piece = ParetoFront.builder(s);
            }
        }
        pieces.add(piece.build());
        ParetoFront f = all.build();
        assertEquals(ParetoFront.mergeAll(pieces), f);
        assertTrue(f.frontSize() > 10, "front of " + f.frontSize());
        // every kept rank-1 point is unbeaten by every other kept point
        for (int i = 0; i < f.frontSize(); i++) {
            for (int j = 0; j < f.size(); j++) {
                double[] a = new double[d];
                double[] b = new double[d];
                for (int k = 0; k < d; k++) {
                    a[k] = f.minimisedValue(j, k);
                    b[k] = f.minimisedValue(i, k);
                }
                assertTrue(i == j || !BruteForce.dominates(a, b));
            }
        }
    }

    @Test
    void maximisedObjectivesAndIdenticalVectors() {
        ParetoSpec s = new ParetoSpec(List.of(new Objective("energy_j", Direction.MIN),
                new Objective("accuracy", Direction.MAX)), 3, List.of());
        ParetoFront f = ParetoFront.builder(s)
                .add(9, new double[] {1, 0.9})
                .add(4, new double[] {1, 0.9})   // same vector, lower index: wins
                .add(5, new double[] {2, 0.95})
                .add(6, new double[] {2, 0.8})   // dominated by 4 and 9 and 5
                .add(7, new double[] {0.5, Double.NaN})
                .build();
        assertEquals(List.of(4L, 5L, 9L, 6L), java.util.Arrays.stream(f.indices()).boxed().toList());
        assertEquals(List.of(1, 1, 2, 3), List.of(f.rank(0), f.rank(1), f.rank(2), f.rank(3)));
        assertEquals(0.95, f.value(1, 1));
        assertEquals(-0.95, f.minimisedValue(1, 1));
        assertEquals(5, f.inputs());
        assertEquals(1, f.excluded());
        assertEquals(2, f.frontSize());
    }

    @Test
    void serialisesAndRejectsMixedSpecs() throws Exception {
        ParetoFront f = BruteForce.build(spec(3, 2), points(3, 200, 3, 7));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        Object back = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals(f, back);
        assertNotEquals(f, BruteForce.build(spec(3, 1), points(3, 200, 3, 7)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.merge(ParetoFront.empty(spec(3, 1))));
        assertTrue(e.getMessage().contains("different specs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParetoFront.builder(spec(3, 1)).add(1, new double[2]));
    }

    @Test
    void objectivesParseWithClearErrors() {
        assertEquals(List.of(new Objective("energy_per_inference_j", Direction.MIN),
                new Objective("accuracy_est", Direction.MAX)),
                Objective.parseList("energy_per_inference_j:min, accuracy_est:MAX"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Objective.parseList("a:up"));
        assertTrue(e.getMessage().contains("unknown direction 'up'; known: [min, max]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Objective.parseList("a:min,a:max"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Objective.parseList("a"));
        assertTrue(e.getMessage().contains("a:min or a:max"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec(2, 0));
        e = assertThrows(IllegalArgumentException.class, () -> spec(2, 1).withEpsilon(List.of(1.0, 0.0)));
        assertTrue(e.getMessage().contains("epsilon[1] (o1)"), e.getMessage());
    }
}
