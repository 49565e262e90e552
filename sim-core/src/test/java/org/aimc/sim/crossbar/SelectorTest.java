package org.aimc.sim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelectorTest {
    @Test
    void seriesLawSatisfiesItsDefinitionAndDerivative() {
        double i0 = 1e-7;
        double v0 = 0.1;
        double[] out = new double[2];
        double[] hi = new double[2];
        for (double g : new double[] {1e-6, 4e-5, 1e-3}) {
            for (double v : new double[] {-2.0, -0.3, 1e-4, 0.05, 0.2, 0.8, 1.5, 3.0}) {
                CellLaws.seriesSelector(v, g, i0, v0, out);
                double i = out[0];
                // V = I/G + V0 asinh(I/I0), odd in V
                double back = i / g + v0 * Math.copySign(CellLaws.asinh(Math.abs(i) / i0), i);
                assertEquals(v, back, 1e-13 * Math.max(1, Math.abs(v)), "g=" + g + " v=" + v);
                double h = 1e-6 * Math.max(1e-3, Math.abs(v));
                CellLaws.seriesSelector(v + h, g, i0, v0, hi);
                CellLaws.seriesSelector(v - h, g, i0, v0, out);
                double fd = (hi[0] - out[0]) / (2 * h);
                CellLaws.seriesSelector(v, g, i0, v0, out);
                assertEquals(fd, out[1], 1e-5 * out[1], "dI/dV g=" + g + " v=" + v);
                assertTrue(out[1] <= g);
            }
        }
    }

    @Test
    void oneByOneIsTheSeriesSelectorDivider() {
        // driver and sense resistances add to the cell's series resistance
        double rs = 200;
        double ro = 100;
        double g = 30e-6;
        CrossbarSpec s = new CrossbarSpec(1, 1, "1S1R", 1, 1, rs, ro, 0, 1e-7, 0.1);
        Crossbar xb = Crossbar.of(s, new double[] {g});
        double[] out = new double[2];
        for (double v : new double[] {0.3, 1.0, 1.8}) {
            NodalSolution sol = NodalModel.of(xb).solve(new double[] {v});
            CellLaws.seriesSelector(v, 1 / (1 / g + rs + ro), 1e-7, 0.1, out);
            // certified: potentials within 1e-9 V_in, so the current within 2 g' 1e-9 V_in
            assertEquals(out[0], sol.columnCurrentA(0), 1e-8 * out[0], "V = " + v);
        }
    }

    @Test
    void newtonAgreesAcrossKernelsAndConservesCurrent() {
        int m = 16;
        int n = 12;
        CrossbarSpec s = new CrossbarSpec(m, n, "1S1R", 2.5, 2.5, 50, 20, 0, 1e-7, 0.1);
        Crossbar xb = Crossbar.of(s, NodalModelTest.randomG(m, n, 33));
        double[] vin = NodalModelTest.randomV(m, 33, 1);
        for (int i = 0; i < m; i++) {
            vin[i] = 0.6 + 5 * vin[i];
        }
        NodalSolution it = NodalModel.of(xb, NodalModel.Method.ITERATIVE).solve(vin);
        NodalSolution dir = NodalModel.of(xb, NodalModel.Method.DIRECT).solve(vin);
        double in = 0;
        double outSum = 0;
        for (int i = 0; i < m; i++) {
            in += (vin[i] - it.rowNodeV(i, 0)) / 50;
        }
        for (int j = 0; j < n; j++) {
            assertEquals(dir.columnCurrentA(j), it.columnCurrentA(j), 1e-9 * Math.abs(dir.columnCurrentA(j)));
            outSum += it.columnCurrentA(j);
            // the current into the sense resistor is its voltage over its resistance
            assertEquals(it.columnNodeV(m - 1, j) / 20, it.columnCurrentA(j), 1e-8 * it.columnCurrentA(j));
        }
        assertEquals(in, outSum, 1e-9 * in);
    }
}
