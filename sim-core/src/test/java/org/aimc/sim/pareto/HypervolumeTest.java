package org.aimc.sim.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
    /**
     * Hand-computed 2-D case, reference (10, 10). Points (1,8), (3,4), (6,2), plus (7,7) dominated by (3,4):
     * strips left to right: [1,3)×[8,10) = 4, [3,6)×[4,10) = 18, [6,10)×[2,10) = 32; total 54.
     * Exclusive parts: (1,8): (3-1)·(10-8) = 4; (3,4): (6-3)·(8-4) = 12; (6,2): (10-6)·(4-2) = 8.
     */
    @Test
    void twoObjectivesExactByHand() {
        double[][] pts = {{1, 8}, {3, 4}, {6, 2}, {7, 7}};
        Hypervolume.Result r = Hypervolume.of(pts, new double[] {10, 10}, 0, 1);
        assertEquals(54.0, r.volume());
        assertTrue(r.exact());
        assertEquals(0.0, r.standardError());
        assertArrayEquals(new double[] {4, 12, 8, 0}, r.contributions());
        assertEquals(9.0 * 8.0, r.boxVolume());
    }

    /**
     * Hand-computed 3-D case, reference (4, 4, 4). Boxes [p, r]: a = (1,2,3) → 3·2·1 = 6; b = (2,1,2) →
     * 2·3·2 = 12; c = (3,3,1) → 1·1·3 = 3. Pairwise intersections at the componentwise max: a∩b = (2,2,3) →
     * 2·2·1 = 4; a∩c = (3,3,3) → 1; b∩c = (3,3,2) → 1·1·2 = 2; a∩b∩c = (3,3,3) → 1.
     * Union = 6 + 12 + 3 − 4 − 1 − 2 + 1 = 15. Exclusive: a = 15 − V(b,c) = 15 − (12 + 3 − 2) = 2;
     * b = 15 − (6 + 3 − 1) = 7; c = 15 − (6 + 12 − 4) = 1.
     */
    @Test
    void threeObjectivesExactByHand() {
        double[][] pts = {{1, 2, 3}, {2, 1, 2}, {3, 3, 1}};
        Hypervolume.Result r = Hypervolume.of(pts, new double[] {4, 4, 4}, 0, 1);
        assertEquals(15.0, r.volume());
        assertArrayEquals(new double[] {2, 7, 1}, r.contributions());
    }

    /** Volume of the union of the boxes [p, ref] by inclusion–exclusion over every subset. */
    static double inclusionExclusion(double[][] pts, double[] ref) {
        int n = pts.length;
        double v = 0;
        for (int mask = 1; mask < (1 << n); mask++) {
            double prod = 1;
            for (int k = 0; k < ref.length; k++) {
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        hi = Math.max(hi, pts[i][k]);
                    }
                }
                prod *= Math.max(0, ref[k] - hi);
            }
            v += (Integer.bitCount(mask) % 2 == 1 ? 1 : -1) * prod;
        }
        return v;
    }

    /** Points inside the box that no other point dominates, first copy of each vector: O(n²). */
    static List<Integer> frontPositions(double[][] pts, double[] ref) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            boolean in = true;
            for (int k = 0; k < ref.length; k++) {
                in &= pts[i][k] < ref[k];
            }
            boolean beaten = false;
            for (int j = 0; j < pts.length && in && !beaten; j++) {
                beaten = j != i && (BruteForce.dominates(pts[j], pts[i])
                        || (j < i && java.util.Arrays.equals(pts[j], pts[i])));
            }
            if (in && !beaten) {
                out.add(i);
            }
        }
        return out;
    }

    static double[][] random(long seed, int n, int d, boolean integers) {
        UniformRandomProvider r = KeyedRandom.stream(seed, n, Purpose.DATA, d);
        double[][] p = new double[n][d];
        for (double[] x : p) {
            for (int k = 0; k < d; k++) {
                x[k] = integers ? r.nextInt(6) : r.nextDouble();
            }
        }
        return p;
    }

    @Test
    void exactVolumesAndContributionsMatchInclusionExclusion() {
        for (int d = 1; d <= 3; d++) {
            for (long seed = 1; seed <= 30; seed++) {
                double[][] pts = random(seed, 1 + (int) (seed % 10), d, seed % 2 == 0);
                double[] ref = new double[d];
                java.util.Arrays.fill(ref, seed % 2 == 0 ? 5 : 0.9); // some points lie outside the box
                Hypervolume.Result r = Hypervolume.of(pts, ref, 0, 1);
                double want = inclusionExclusion(pts, ref);
                assertEquals(want, r.volume(), 1e-12 * Math.max(1, want), "d=" + d + " seed=" + seed);
                List<Integer> front = frontPositions(pts, ref);
                for (int i = 0; i < pts.length; i++) {
                    double c = 0;
                    if (front.contains(i)) {
                        final int skip = i;
                        double[][] rest = front.stream().filter(j -> j != skip).map(j -> pts[j]).toArray(double[][]::new);
                        c = want - inclusionExclusion(rest, ref);
                    }
                    assertEquals(c, r.contributions()[i], 1e-12 * Math.max(1, want),
                            "contribution " + i + " d=" + d + " seed=" + seed);
                }
            }
        }
    }

    @Test
    void monteCarloBeyondThreeObjectivesWithinItsStandardError() {
        for (int d = 4; d <= 5; d++) {
            double[][] pts = random(40 + d, 8, d, false);
            double[] ref = new double[d];
            java.util.Arrays.fill(ref, 1.0);
            double want = inclusionExclusion(pts, ref);
            Hypervolume.Result r = Hypervolume.of(pts, ref, 7, 200_000);
            assertFalse(r.exact());
            assertTrue(r.standardError() > 0);
            assertEquals(want, r.volume(), 4 * r.standardError(), "d=" + d);
            assertTrue(r.standardError() < 0.02 * want, "standard error " + r.standardError() + " of " + want);
            List<Integer> front = frontPositions(pts, ref);
            for (int i = 0; i < pts.length; i++) {
                final int skip = i;
                double[][] rest = front.stream().filter(j -> j != skip).map(j -> pts[j]).toArray(double[][]::new);
                double c = front.contains(i) ? want - inclusionExclusion(rest, ref) : 0;
                // binomial standard error from the true share, so an empty count is judged fairly
                double q = Math.max(0, c / r.boxVolume());
                double se = r.boxVolume() * Math.sqrt(q * (1 - q) / r.samples());
                assertEquals(c, r.contributions()[i], 4 * se + r.boxVolume() / r.samples(), "contribution " + i);
            }
            // keyed: the same seed gives the same estimate, another seed another one
            assertEquals(r.volume(), Hypervolume.of(pts, ref, 7, 200_000).volume());
            assertTrue(r.volume() != Hypervolume.of(pts, ref, 8, 200_000).volume());
        }
    }

    @Test
    void frontOfParetoFrontWithDefaultReference() {
        ParetoSpec s = new ParetoSpec(List.of(new Objective("e", Direction.MIN), new Objective("acc", Direction.MAX)),
                2, List.of());
        ParetoFront f = ParetoFront.builder(s).add(1, new double[] {1, 0.5}).add(2, new double[] {3, 0.9})
                .add(3, new double[] {2, 0.4}).build();
        // minimisation sense: (1,-0.5), (3,-0.9); nadir (3,-0.5), range (2, 0.4): reference (3.2, -0.46)
        double[] ref = Hypervolume.defaultReference(Hypervolume.frontPoints(f));
        assertEquals(3.2, ref[0], 1e-15);
        assertEquals(-0.46, ref[1], 1e-15);
        Hypervolume.Result r = Hypervolume.of(f, 0);
        assertEquals(2, r.contributions().length);
        double want = inclusionExclusion(Hypervolume.frontPoints(f), ref);
        assertEquals(want, r.volume(), 1e-15);
        // (1,-0.5) alone: [1,3)×[-0.5,-0.46); (3,-0.9): [3,3.2)×[-0.9,-0.5)
        assertEquals(2 * 0.04, r.contributions()[0], 1e-15);
        assertEquals(0.2 * 0.4, r.contributions()[1], 1e-15);
        assertEquals(2.2 * 0.44, r.boxVolume(), 1e-15);
    }
}
