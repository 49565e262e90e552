package org.aimc.sim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NestedDissectionTest {
    @Test
    void ordersEveryNodeOnceWithTheTopSeparatorLast() {
        int m = 20;
        int n = 30;
        int count = 2 * m * n + 5;
        int[] ci = new int[count];
        int[] cj = new int[count];
        boolean[] row = new boolean[count];
        boolean[] placed = new boolean[count];
        for (int k = 0; k < 2 * m * n; k++) {
            int cell = k % (m * n);
            ci[k] = cell / n;
            cj[k] = cell % n;
            row[k] = k < m * n;
            placed[k] = true;
        }
        int[] order = NestedDissection.order(ci, cj, row, placed);
        boolean[] seen = new boolean[count];
        for (int o : order) {
            assertTrue(!seen[o], "node " + o + " twice");
            seen[o] = true;
        }
        assertEquals(count, order.length);
        // the 5 unplaced nodes come last, right after the top separator: the row-line nodes of the middle
        // column (the grid is wider than tall, so the first cut is vertical)
        for (int k = 0; k < 5; k++) {
            assertEquals(2 * m * n + k, order[count - 5 + k]);
        }
        int mid = (n - 1) / 2;
        for (int p = count - 5 - m; p < count - 5; p++) {
            int node = order[p];
            assertTrue(row[node] && cj[node] == mid, "position " + p + " holds node at (" + ci[node] + ", "
                    + cj[node] + ")");
        }
    }

    @Test
    void nestedDissectionKeepsTheFactorSparse() {
        // 64 x 64 grid, 8192 unknowns: a banded (natural) order would fill ~64 x 8192 = 524k entries; nested
        // dissection measured 112,748
        int m = 64;
        Crossbar xb = Crossbar.of(CrossbarSpec.of(m, m, "0T1R", 1.0), NodalModelTest.randomG(m, m, 1));
        DirectKernel k = new DirectKernel(new Network(xb));
        k.factor(CellLaws.linearConductances(xb));
        assertTrue(k.factorNonzeros() < 150_000, "factor nonzeros " + k.factorNonzeros());
    }
}
