package org.aimc.sim.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class KeyedRandomTest {
    @Test
    void sameKeySameNumbers() {
        UniformRandomProvider a = KeyedRandom.stream(42, 7, Purpose.PROGRAMMING, 3);
        UniformRandomProvider b = KeyedRandom.stream(42, 7, Purpose.PROGRAMMING, 3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void everyKeyPartChangesTheStream() {
        long ref = KeyedRandom.stream(42, 7, Purpose.PROGRAMMING, 3).nextLong();
        assertNotEquals(ref, KeyedRandom.stream(43, 7, Purpose.PROGRAMMING, 3).nextLong());
        assertNotEquals(ref, KeyedRandom.stream(42, 8, Purpose.PROGRAMMING, 3).nextLong());
        assertNotEquals(ref, KeyedRandom.stream(42, 7, Purpose.READ_NOISE, 3).nextLong());
        assertNotEquals(ref, KeyedRandom.stream(42, 7, Purpose.PROGRAMMING, 4).nextLong());
    }

    @Test
    void neighbouringPointsAreUncorrelated() {
        int n = 20000;
        double sxy = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            double x = KeyedRandom.stream(1, i, Purpose.DATA, 0).nextDouble();
            double y = KeyedRandom.stream(1, i + 1, Purpose.DATA, 0).nextDouble();
            sxy += x * y;
            sx += x;
            sy += y;
        }
        double cov = sxy / n - (sx / n) * (sy / n);
        // uniform variance 1/12; the correlation estimate has sd ~ 1/sqrt(n) = 0.007
        assertTrue(Math.abs(cov * 12) < 0.03, "correlation " + cov * 12);
        assertEquals(0.5, sx / n, 0.01);
    }

    @Test
    void purposeIdsAreDistinct() {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (Purpose p : Purpose.values()) {
            assertTrue(ids.add(p.id()), p.name());
        }
    }
}
