package org.aimc.sim.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class NodalModelTest {
    static double[] randomG(int m, int n, long seed) {
        UniformRandomProvider rng = KeyedRandom.stream(seed, 0, Purpose.DATA, 0);
        double[] g = new double[m * n];
        for (int k = 0; k < g.length; k++) {
            g[k] = 1e-6 + 39e-6 * rng.nextDouble();
        }
        return g;
    }

    static double[] randomV(int m, long seed, int count) {
        UniformRandomProvider rng = KeyedRandom.stream(seed, 1, Purpose.DATA, 0);
        double[] v = new double[m * count];
        for (int k = 0; k < v.length; k++) {
            v[k] = 0.2 * rng.nextDouble();
        }
        return v;
    }

    static void assertClose(double[] expected, double[] actual, double rel, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int j = 0; j < expected.length; j++) {
            double tol = rel * Math.max(Math.abs(expected[j]), 1e-3 * scale);
            assertEquals(expected[j], actual[j], tol, what + " column " + j);
        }
    }

    @Test
    void oneByOneIsTheVoltageDivider() {
        // driver 100 ohm, cell 1/25 uS = 40 kohm, sense 50 ohm: I = V / (R_s + 1/G + R_o)
        CrossbarSpec s = CrossbarSpec.of(1, 1, "0T1R", 0.35).withDriverOhm(100).withSenseOhm(50);
        Crossbar xb = Crossbar.of(s, new double[] {25e-6});
        double[] out = new double[1];
        NodalModel.of(xb).columnCurrents(new double[] {0.2}, out);
        assertEquals(0.2 / (100 + 40_000 + 50), out[0], 1e-15 * out[0]);
        // 1T1R adds the access transistor's on-resistance in series
        Crossbar t = Crossbar.of(s.withAccess("1T1R").withAccessOnOhm(2000), new double[] {25e-6});
        NodalModel.of(t).columnCurrents(new double[] {0.2}, out);
        assertEquals(0.2 / (100 + 40_000 + 2000 + 50), out[0], 1e-14 * out[0]);
        assertClose(DenseReference.columnCurrents(t, new double[] {0.2}), out, 1e-12, "dense reference");
    }

    @Test
    void zeroWireResistanceReproducesTheIdealMvmExactly() {
        int m = 37;
        int n = 23;
        double[] g = randomG(m, n, 3);
        double[] v = randomV(m, 3, 1);
        Crossbar xb = Crossbar.of(CrossbarSpec.of(m, n, "0T1R", 0), g);
        double[] out = new double[n];
        NodalModel model = NodalModel.of(xb);
        model.columnCurrents(v, out);
        for (int j = 0; j < n; j++) {
            double ideal = 0;
            for (int i = 0; i < m; i++) {
                ideal += g[i * n + j] * v[i];
            }
            assertEquals(ideal, out[j], 1e-12 * Math.abs(ideal), "column " + j);
        }
    }

    @Test
    void kernelsAgreeWithTheDenseReference() {
        String[] access = {"0T1R", "1T1R"};
        double[][] terms = {{0, 0}, {150, 40}, {0, 20}, {1e3, 0}};
        double[][] wires = {{0.35, 0.35}, {2.5, 0.0}, {0.0, 1.7}, {5, 5}};
        int seed = 0;
        for (String acc : access) {
            for (double[] t : terms) {
                for (double[] w : wires) {
                    seed++;
                    int m = 5 + seed % 7;
                    int n = 4 + seed % 5;
                    CrossbarSpec s = new CrossbarSpec(m, n, acc, w[0], w[1], t[0], t[1], 1500, 1e-7, 0.1);
                    Crossbar xb = Crossbar.of(s, randomG(m, n, seed));
                    if (acc.equals("1T1R") && seed % 2 == 0) {
                        xb = xb.withDeselectedRows(1);
                    }
                    double[] v = randomV(m, seed, 3);
                    double[] ref = new double[3 * n];
                    for (int k = 0; k < 3; k++) {
                        double[] one = java.util.Arrays.copyOfRange(v, k * m, (k + 1) * m);
                        System.arraycopy(DenseReference.columnCurrents(xb, one), 0, ref, k * n, n);
                    }
                    for (NodalModel.Method method : NodalModel.Method.values()) {
                        double[] out = new double[3 * n];
                        NodalModel.of(xb, method).columnCurrents(v, 3, out);
                        assertClose(ref, out, 1e-9, acc + " " + java.util.Arrays.toString(t) + " "
                                + java.util.Arrays.toString(w) + " " + method);
                    }
                }
            }
        }
    }

    @Test
    void batchEqualsOneByOne() {
        int m = 64;
        int n = 48;
        Crossbar xb = Crossbar.of(CrossbarSpec.of(m, n, "1T1R", 1.0), randomG(m, n, 9));
        NodalModel model = NodalModel.of(xb);
        double[] v = randomV(m, 9, 5);
        double[] batch = new double[5 * n];
        model.columnCurrents(v, 5, batch);
        for (int k = 0; k < 5; k++) {
            double[] one = new double[n];
            model.columnCurrents(java.util.Arrays.copyOfRange(v, k * m, (k + 1) * m), one);
            for (int j = 0; j < n; j++) {
                assertEquals(one[j], batch[k * n + j], 1e-10 * Math.abs(one[j]));
            }
        }
    }

    @Test
    void iterativeAndDirectAgreeOnALargerArray() {
        int m = 96;
        int n = 80;
        CrossbarSpec s = CrossbarSpec.of(m, n, "0T1R", 2.0).withDriverOhm(20).withSenseOhm(10);
        Crossbar xb = Crossbar.of(s, randomG(m, n, 11));
        double[] v = randomV(m, 11, 2);
        double[] it = new double[2 * n];
        double[] dir = new double[2 * n];
        NodalModel.of(xb, NodalModel.Method.ITERATIVE).columnCurrents(v, 2, it);
        NodalModel.of(xb, NodalModel.Method.DIRECT).columnCurrents(v, 2, dir);
        assertClose(dir, it, 1e-9, "iterative vs direct");
    }

    @Test
    void illPosedNetworksFailWithTheirCause() {
        CrossbarSpec s = CrossbarSpec.of(3, 3, "0T1R", 1);
        double[] g = randomG(3, 3, 1);
        g[4] = -1e-6;
        CrossbarException neg = assertThrows(CrossbarException.class, () -> Crossbar.of(s, g));
        assertTrue(neg.getMessage().contains("cell (1, 1)") && neg.getMessage().contains("negative"), neg.getMessage());
        g[4] = Double.POSITIVE_INFINITY;
        CrossbarException inf = assertThrows(CrossbarException.class, () -> Crossbar.of(s, g));
        assertTrue(inf.getMessage().contains("short"), inf.getMessage());
        // an open row whose cells are all off floats
        double[] h = randomG(3, 3, 2);
        h[3] = 0;
        h[4] = 0;
        h[5] = 0;
        Crossbar xb = Crossbar.of(s, h).withOpenRows(1);
        CrossbarException fl = assertThrows(CrossbarException.class, () -> NodalModel.of(xb));
        assertTrue(fl.getMessage().contains("row line 1") && fl.getMessage().contains("floating"), fl.getMessage());
        // a deselected 1T1R column path: open column 2 with all cells off floats
        Crossbar t = Crossbar.of(s.withAccess("1T1R"), randomG(3, 3, 3)).withDeselectedRows(0, 1, 2)
                .withOpenColumns(2);
        CrossbarException fc = assertThrows(CrossbarException.class, () -> NodalModel.of(t));
        assertTrue(fc.getMessage().contains("column line 2"), fc.getMessage());
        assertThrows(CrossbarException.class, () -> NodalModel.of(Crossbar.of(s, h).withOpenRows(0),
                NodalModel.Method.ITERATIVE));
        assertThrows(org.aimc.sim.spec.SpecException.class, () -> CrossbarSpec.of(3, 3, "0T1R", -1));
        assertThrows(org.aimc.sim.spec.SpecException.class, () -> CrossbarSpec.of(3, 3, "2T2R", 1));
    }
}
