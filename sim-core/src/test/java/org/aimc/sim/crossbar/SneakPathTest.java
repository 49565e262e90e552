package org.aimc.sim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading one cell with the other lines floating (physics.md §5.2). */
class SneakPathTest {
    private static int[] except(int count, int skip) {
        return java.util.stream.IntStream.range(0, count).filter(k -> k != skip).toArray();
    }

    @Test
    void passiveArrayMatchesTheThreeGroupSneakFormula() {
        // zero wires, ideal terminals, every unselected cell R_u: by symmetry the unselected rows and the
        // unselected columns are each one node, so R_sneak = R_u/(N-1) + R_u/((M-1)(N-1)) + R_u/(M-1) exactly
        int m = 9;
        int n = 7;
        int r = 4;
        int c = 2;
        double gu = 1.0 / 25e3;
        double gs = 1.0 / 1e6;
        double[] g = new double[m * n];
        Arrays.fill(g, gu);
        g[r * n + c] = gs;
        Crossbar xb = Crossbar.of(CrossbarSpec.of(m, n, "0T1R", 0), g).withOpenRows(except(m, r))
                .withOpenColumns(except(n, c));
        double v = 0.3;
        double[] vin = new double[m];
        vin[r] = v;
        double[] out = new double[n];
        for (NodalModel.Method method : new NodalModel.Method[] {NodalModel.Method.AUTO, NodalModel.Method.DIRECT}) {
            NodalModel.of(xb, method).columnCurrents(vin, out);
            double ru = 1 / gu;
            double sneak = ru / (n - 1) + ru / ((m - 1.0) * (n - 1)) + ru / (m - 1);
            double expected = v * (gs + 1 / sneak);
            assertEquals(expected, out[c], 1e-12 * expected);
            // the sneak current dwarfs the selected cell's own (HRS selected, LRS around it)
            assertTrue(out[c] > 10 * v * gs);
            for (int j = 0; j < n; j++) {
                if (j != c) {
                    assertEquals(0.0, out[j]);
                }
            }
        }
    }

    @Test
    void sneakCurrentVanishesIn1T1RWithIdealSwitches() {
        int m = 8;
        int n = 8;
        int r = 3;
        int c = 5;
        double rw = 2.0;
        double rs = 100;
        double ro = 50;
        double ron = 2e3;
        double[] g = NodalModelTest.randomG(m, n, 21);
        CrossbarSpec s = new CrossbarSpec(m, n, "1T1R", rw, rw, rs, ro, ron, 1e-7, 0.1);
        // unselected rows: transistors off, source lines held at 0 V; unselected columns float
        Crossbar t1r = Crossbar.of(s, g).withDeselectedRows(except(m, r)).withOpenColumns(except(n, c));
        double v = 0.2;
        double[] vin = new double[m];
        vin[r] = v;
        double[] out = new double[n];
        NodalModel.of(t1r).columnCurrents(vin, out);
        // one path only: driver, c row segments, cell + transistor, M-1-r column segments, sense
        double gcell = g[r * n + c];
        double single = v / (rs + c * rw + 1 / gcell + ron + (m - 1 - r) * rw + ro);
        assertEquals(single, out[c], 1e-12 * single, "1T1R selected-cell current");
        // the same read in a passive array (unselected rows floating) picks up sneak current
        Crossbar passive = Crossbar.of(s.withAccess("0T1R"), g).withOpenRows(except(m, r)).withOpenColumns(except(n, c));
        NodalModel.of(passive).columnCurrents(vin, out);
        double singlePassive = v / (rs + c * rw + 1 / gcell + (m - 1 - r) * rw + ro);
        assertTrue(out[c] > 1.5 * singlePassive, "0T1R read " + out[c] + " vs single cell " + singlePassive);
        assertClose(DenseReference.columnCurrents(passive, vin), out);
    }

    private static void assertClose(double[] expected, double[] actual) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-9 * Math.abs(expected[j]) + 1e-20);
        }
    }
}
